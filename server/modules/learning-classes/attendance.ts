// The changing sign-in code (issue 14 point 5): each session has its own TOTP secret (RFC 6238, 6 digits,
// 30 s); the organizer's screen shows the current code and a QR of the learner's sign-in page carrying it.
// A trainee types or scans it on the phone. The code proves presence in the room (or on the online call,
// where the organizer shares the screen) at most about a minute ago: the current step and the one before
// are accepted, so a code read just before it changed still works, and an older one is refused.
// Sign-in is open from 30 minutes before the start to the end of the session's day; after the start it is
// marked late, never refused (RULES.md §9). A session closed by the organizer takes no more sign-ins.
import QRCode from 'qrcode';
import { Secret, TOTP } from 'otpauth';
import type { AnyCtx, Ctx } from '../../context.js';
import { AppError, conflict } from '../../errors.js';
import { isLate } from '../../../domain/rules/training-class.js';
import type { TSignCode } from '../../../domain/schemas/learning-classes.js';
import { sessionDayEnd, sessionStart, type SessionRow } from './queries.js';

const STEP = 30;
const OPEN_BEFORE_MINUTES = 30;

const totpOf = (secret: string) => new TOTP({ algorithm: 'SHA1', digits: 6, period: STEP, secret: Secret.fromBase32(secret) });

export const codeAt = (secret: string, at: Date) => totpOf(secret).generate({ timestamp: at.getTime() });

/** Whether sign-in with the code is open now. */
export function signInOpen(s: SessionRow, now: Date): boolean {
  return !s.closed_at && now.getTime() >= sessionStart(s).getTime() - OPEN_BEFORE_MINUTES * 60_000 && now <= sessionDayEnd(s);
}

/** The code on the organizer's screen, its remaining seconds and the QR of the sign-in page with it. */
export async function signCode(ctx: AnyCtx, s: SessionRow, origin: string): Promise<TSignCode> {
  const now = ctx.clock.now();
  const code = codeAt(s.sign_secret, now);
  const secondsLeft = STEP - (Math.floor(now.getTime() / 1000) % STEP);
  const signInUrl = `${origin}/my/learning/classes?session=${s.id}&code=${code}`;
  return { sessionId: Number(s.id), code, secondsLeft, signInUrl, qr: await QRCode.toDataURL(signInUrl, { margin: 1, width: 320 }) };
}

/** Checks a typed code for a session; returns 'present' or 'late'. */
export function checkSignIn(s: SessionRow, code: string, now: Date): 'present' | 'late' {
  if (s.closed_at) throw conflict('本次课的签到已结束，请联系组织者补记');
  if (now.getTime() < sessionStart(s).getTime() - OPEN_BEFORE_MINUTES * 60_000) throw conflict('签到尚未开始（开课前 30 分钟开放）');
  if (now > sessionDayEnd(s)) throw conflict('签到已结束，请联系组织者补记');
  const delta = totpOf(s.sign_secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  // Only the current step and the one before: a code from the future is as wrong as an old one.
  if (delta == null || delta > 0) throw new AppError('CODE_INVALID', '签到码错误或已过期，请输入屏幕上当前的签到码', 400, 'code');
  return isLate(now.getTime(), sessionStart(s).getTime()) ? 'late' : 'present';
}

export type { Ctx };
