// From the bytes of a .lrmx file to the ordered children of its <Person>, refusing what must not be
// parsed (PILLARS.md §1, SECURITY.md "Input"): files over the size cap, the old non-XML .lrm, any
// DOCTYPE or ENTITY declaration (XXE, entity expansion), malformed XML, a root other than <Person>.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lrmxError, MAX_LRMX_BYTES, unescapeXml } from './lrmx-format.js';

/** A node as fast-xml-parser gives it with `preserveOrder`: `{ tag: children }`, `{ '#text': text }` or `{ '#cdata': [text] }`. */
export type XmlNode = Record<string, XmlNode[] | string>;

const parser = new XMLParser({
  preserveOrder: true,
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
});

const GB_ENCODING = /^\s*<\?xml[^>]*encoding\s*=\s*["'](gb2312|gbk|gb18030)["']/i;

/** The file's text: BOM stripped, UTF-8 (or the GB encoding its declaration names). */
function decode(buf: Buffer): string {
  if (buf.length > MAX_LRMX_BYTES) throw lrmxError(`文件超过 ${MAX_LRMX_BYTES / 1024 / 1024} MB，不是正常的任免审批表文件`);
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))
    throw lrmxError('文件是 UTF-16 编码，请用任免审批表软件重新导出为 UTF-8 编码的 .lrmx 文件');
  const body = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  const head = body.subarray(0, 200).toString('latin1');
  if (!/^\s*</.test(head))
    throw lrmxError('文件不是 XML 格式的 .lrmx 文件（可能是旧版 2.0 的 .lrm 文件），请在任免审批表软件中另存为 .lrmx 后再导入');
  const encoding = GB_ENCODING.exec(head)?.[1];
  try {
    return new TextDecoder(encoding ? 'gb18030' : 'utf-8', { fatal: true }).decode(body);
  } catch {
    throw lrmxError('文件编码不是 UTF-8，请用任免审批表软件重新导出');
  }
}

function validationError(err: { code: string; msg: string; line: number; col: number }) {
  const where = `第 ${err.line} 行第 ${err.col} 列`;
  if (err.msg.includes("'&'")) return lrmxError(`文件在${where}含有未转义的“&”（应写作 &amp;），不是格式正确的 XML，请让导出方修正`);
  return lrmxError(`文件不是格式正确的 XML（${where}：${err.msg}），可能已损坏`);
}

/** The children of the <Person> root, in file order (comments already gone). */
export function personChildren(buf: Buffer): XmlNode[] {
  const xml = decode(buf);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw lrmxError('文件含有 DOCTYPE 或 ENTITY 声明，出于安全原因拒绝读取');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw validationError(valid.err);
  let parsed: XmlNode[];
  try {
    parsed = parser.parse(xml) as XmlNode[];
  } catch {
    // The parser's own limits (nesting depth among them): a real .lrmx is four levels deep.
    throw lrmxError('文件结构异常（嵌套层级过深或无法解析），不是正常的任免审批表文件');
  }
  const roots = parsed.filter((n) => !('#text' in n));
  const root = roots[0];
  const name = root ? Object.keys(root).find((k) => k !== ':@') : undefined;
  if (!root || name !== 'Person') throw lrmxError(`文件的根元素是 <${name ?? ''}> 而不是 <Person>，不是任免审批表文件`);
  return root.Person as XmlNode[];
}

/** The element name of a node, or null for text and CDATA. */
export const tagOf = (n: XmlNode): string | null => Object.keys(n).find((k) => k !== ':@' && k !== '#text' && k !== '#cdata') ?? null;

export const childrenOf = (n: XmlNode, tag: string): XmlNode[] => {
  const c = n[tag];
  return Array.isArray(c) ? c : [];
};

/** The text directly inside an element: entities decoded, CDATA as written, newlines as LF, trimmed. */
export function textOf(children: XmlNode[]): string {
  let text = '';
  for (const c of children) {
    const t = c['#text'];
    if (typeof t === 'string') text += unescapeXml(t.replace(/\r\n?/g, '\n'));
    const cdata = c['#cdata'];
    if (Array.isArray(cdata)) text += cdata.map((x) => (typeof x['#text'] === 'string' ? x['#text'] : '')).join('');
  }
  return text.replace(/\r\n?/g, '\n').trim();
}
