// The 选人用人纪实 as one document: each step with its dates, people and outcomes, then the whole trail in order.
import PDFDocument from 'pdfkit';
import type { TSelection } from '../../../domain/schemas/cadre-selections.js';
import { cjkFont } from '../../export/cjk-font.js';

const MARGIN = 56;
/** The ideographic space between fields of a line. */
const SP = '\u3000';

/** The lines of each step section, in the order of the procedure. */
function sections(s: TSelection): [string, string[]][] {
  const rec = s.recommendation;
  const cand = (id: number) => s.candidates.find((c) => c.id === id)?.name ?? String(id);
  return [
    [
      '一、分析研判和动议',
      [
        `动议时间：${s.motionOn}${SP}方式：${s.way}${SP}范围：${s.scope || '—'}`,
        `职位：${s.posts.map((p) => `${p.unitName}${p.title}（${p.level}）`).join('；')}`,
        `动议理由：${s.grounds}`,
      ],
    ],
    [
      '二、民主推荐',
      [
        rec?.meeting
          ? `会议推荐（${rec.meeting.heldOn}）：${rec.meeting.categories.map((c) => `${c.category} 应参加 ${c.voters} 人、有效票 ${c.ballots} 张`).join('；')}`
          : '会议推荐：—',
        rec?.talks ? `谈话调研推荐（${rec.talks.heldOn}）：谈话 ${rec.talks.talkCount} 人` : '谈话调研推荐：—',
        `人选：${s.candidates.map((c) => `${c.name}（拟任${c.postTitle}${c.votes !== null ? `，得票 ${c.votes}` : ''}）`).join('；') || '—'}`,
        s.competitive ? '差额：是' : `差额：否${rec?.nonCompetitiveReason ? `（理由：${rec.nonCompetitiveReason}）` : ''}`,
      ],
    ],
    [
      '三、考察',
      [
        s.inspection
          ? `考察组：${s.inspection.team.join('、')}；${s.inspection.startedOn} 开始；个别谈话 ${s.inspection.talkedTo} 人`
          : '考察：—',
        ...(s.inspection?.report ? [`考察材料：${s.inspection.report}`] : []),
        ...s.candidates.flatMap((c) => [
          `${c.name}${SP}凡提四必：${c.fourMusts.map((m) => `${m.label} ${m.record ? `已办结（${m.record.closedOn}，${m.record.closedBy}；${m.record.evidence}${m.record.attachmentName ? `；附件 ${m.record.attachmentName}` : ''}）` : '未办结'}`).join('；')}`,
          `${c.name}${SP}任职资格：${
            c.eligibility.findings
              .filter((f) => !f.met)
              .map((f) => `${f.reason}${f.override ? `（例外认定：${f.override.reason}，${f.override.by} ${f.override.on}）` : ''}`)
              .join('；') || '均符合'
          }`,
          ...(c.avoidance.flags.length
            ? [
                `${c.name}${SP}回避：${c.avoidance.flags.map((f) => f.message).join('；')}${c.avoidance.decision ? `；决定：${c.avoidance.decision.reason}（${c.avoidance.decision.by} ${c.avoidance.decision.on}）` : ''}`,
              ]
            : []),
        ]),
      ],
    ],
    [
      '四、讨论决定',
      s.meeting
        ? [
            `${s.meeting.heldOn} ${s.meeting.body}：应到 ${s.meeting.members} 名，实到 ${s.meeting.present.length} 名（${s.meeting.present.join('、')}）`,
            ...s.meeting.votes.map(
              (v) =>
                `${cand(v.candidateId)}：同意 ${v.inFavor}、不同意 ${v.against}、弃权 ${v.abstain}，${s.candidates.find((c) => c.id === v.candidateId)?.vote?.passed ? '通过' : '未通过'}`,
            ),
          ]
        : ['—'],
    ],
    [
      '五、任前公示',
      s.publicity?.startOn
        ? [
            `${s.publicity.startOn} 至 ${s.publicity.endOn}${s.publicity.holidays.length ? `（含节假日 ${[...new Set(s.publicity.holidays.map((h) => h.name))].join('、')}）` : ''}`,
            ...s.objections.map(
              (o) =>
                `${o.receivedOn} 反映：${o.text}${SP}${o.status === 'open' ? '办理中' : `${o.status === 'upheld' ? '属实' : '已办结'}：${o.handling}`}`,
            ),
          ]
        : [s.publicityRequired.required ? '—' : s.publicityRequired.reason],
    ],
    [
      '六、任职',
      s.appointment
        ? [
            `任职文件：${s.appointment.docNo}（${s.appointment.docOn}），${s.appointment.people} 人`,
            `任职谈话：${s.appointment.appointmentTalk.on}（${s.appointment.appointmentTalk.by}）；廉洁谈话：${s.appointment.integrityTalk.on}（${s.appointment.integrityTalk.by}）`,
            ...s.candidates
              .filter((c) => c.appointmentId)
              .map(
                (c) =>
                  `${c.name}：任职时间 ${s.meeting?.heldOn ?? ''}${c.probationUntil ? `，试用期至 ${c.probationUntil}` : '，不实行试用期'}`,
              ),
          ]
        : ['—'],
    ],
    [
      '七、试用期',
      s.candidates.filter((c) => c.probationUntil).length
        ? s.candidates
            .filter((c) => c.probationUntil)
            .map(
              (c) =>
                `${c.name}：试用期至 ${c.probationUntil}，${c.probationResult === 'competent' ? '胜任，正式任职' : c.probationResult === 'incompetent' ? '不胜任，免去试任职务' : '未考核'}`,
            )
        : ['—'],
    ],
  ];
}

export function recordPdf(s: TSelection): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `选人用人纪实：${s.title}`, Author: '智慧组工' } });
  doc.registerFont('cjk', cjkFont('regular'));
  doc.registerFont('cjkBold', cjkFont('bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('cjkBold').fontSize(18).text('选人用人工作纪实', { align: 'center' });
  doc
    .moveDown(0.5)
    .font('cjk')
    .fontSize(11)
    .text(`${s.title}（${s.managerOrgName}）${SP}当前环节：${s.step}${s.status === 'closed' ? '（已结束）' : ''}`, {
      align: 'center',
    });
  for (const [head, lines] of sections(s)) {
    doc.moveDown(0.8).font('cjkBold').fontSize(13).text(head);
    doc.font('cjk').fontSize(10.5);
    for (const l of lines) doc.text(l, { lineGap: 2 });
  }
  doc.moveDown(0.8).font('cjkBold').fontSize(13).text('八、办理记录');
  doc.font('cjk').fontSize(9.5);
  for (const e of s.events) doc.text(`${e.onDate}${SP}${e.step}${SP}${e.action}${SP}${e.actorName}：${e.summary}`, { lineGap: 1 });
  doc.end();
  return done;
}
