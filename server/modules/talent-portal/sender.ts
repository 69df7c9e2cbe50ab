// The one-time code's way to the applicant: a pluggable sender (an SMS gateway or a mail server in a
// deployment). This repository's own sender writes the message to the server log; tests inject one
// that keeps the messages, and the e2e server exposes the last code only when ZUGONG_E2E=1.

export interface CodeMessage {
  /** The phone number or e-mail address, as typed (normalized). */
  to: string;
  channel: 'sms' | 'email';
  /** 'code': a registration code; 'known': the identifier already has an account (no code). */
  kind: 'code' | 'known';
  code?: string;
  minutes: number;
}

export interface CodeSender {
  send(m: CodeMessage): Promise<void>;
}

interface Logger {
  info(obj: object, msg: string): void;
}

/** Writes the message to the server log (the deployment plugs a real gateway in its place). */
export function logSender(log: Logger): CodeSender {
  return {
    send(m) {
      log.info({ talentCode: { to: m.to, channel: m.channel, kind: m.kind, code: m.code } }, 'talent registration code');
      return Promise.resolve();
    },
  };
}

/** Keeps every message (tests; the e2e server when ZUGONG_E2E=1). */
export class MemorySender implements CodeSender {
  readonly sent: CodeMessage[] = [];
  send(m: CodeMessage): Promise<void> {
    this.sent.push(m);
    return Promise.resolve();
  }
  /** The last code sent to this identifier. */
  lastCode(to: string): string | undefined {
    return [...this.sent].reverse().find((m) => m.to === to && m.kind === 'code')?.code;
  }
}
