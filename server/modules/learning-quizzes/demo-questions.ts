// The demo bank's questions, written for the demo from a small set of plain facts about the Party
// Constitution (党章, 2022 text) and the basics of organization work (支部工作条例 2018, 发展党员工作细则
// 2014, the dues rules of 2008, 党员教育管理工作条例 2019: RULES.md §1–4). Each fact with a blank gives
// four questions (single choice, fill-in, a true and a false statement); each list gives multiple-choice
// questions with different distractors. Deterministic: no randomness beyond the fixed rotation below.
import type { ParsedQuestion } from './import/answers.js';

interface BlankFact {
  cat: string;
  /** the statement with （ ） where the answer goes */
  text: string;
  answer: string;
  /** other accepted spellings of the answer in a fill-in */
  also?: string[];
  /** three wrong answers, the first used for the false statement */
  wrong: [string, string, string];
  why: string;
  difficulty?: number;
}

interface ListFact {
  cat: string;
  stem: string;
  right: string[];
  wrong: string[];
  why: string;
}

const 党章 = '党章';
const 组织 = '组织建设';
const 发展 = '发展党员';
const 生活 = '组织生活';
const 党费 = '党费';
const 纪律 = '纪律';

const BLANKS: BlankFact[] = [
  {
    cat: 党章,
    text: '党的最高领导机关，是党的全国代表大会和它所产生的（ ）。',
    answer: '中央委员会',
    wrong: ['中央政治局', '中央书记处', '中央纪律检查委员会'],
    why: '党章第十条：党的最高领导机关，是党的全国代表大会和它所产生的中央委员会。',
  },
  {
    cat: 党章,
    text: '党的全国代表大会每（ ）年举行一次，由中央委员会召集。',
    answer: '五',
    also: ['5'],
    wrong: ['三', '四', '十'],
    why: '党章规定：党的全国代表大会每五年举行一次。',
  },
  {
    cat: 党章,
    text: '党的地方各级代表大会每（ ）年举行一次。',
    answer: '五',
    also: ['5'],
    wrong: ['三', '四', '二'],
    why: '党章规定：党的省、自治区、直辖市、设区的市和自治州、县（旗）、自治县、不设区的市和市辖区的代表大会，每五年举行一次。',
  },
  {
    cat: 党章,
    text: '党的中央委员会全体会议由中央政治局召集，每年至少举行（ ）次。',
    answer: '一',
    also: ['1'],
    wrong: ['两', '三', '四'],
    why: '党章规定：中央委员会全体会议由中央政治局召集，每年至少举行一次。',
  },
  {
    cat: 党章,
    text: '党的地方各级委员会全体会议，每年至少召开（ ）次。',
    answer: '两',
    also: ['2', '二'],
    wrong: ['一', '三', '四'],
    why: '党章规定：党的地方各级委员会全体会议，每年至少召开两次。',
  },
  {
    cat: 党章,
    text: '党的中央委员会委员和候补委员必须有（ ）年以上的党龄。',
    answer: '五',
    also: ['5'],
    wrong: ['三', '十', '八'],
    why: '党章规定：中央委员会委员和候补委员必须有五年以上的党龄。',
    difficulty: 3,
  },
  {
    cat: 党章,
    text: '中国共产党党员是中国工人阶级的有（ ）觉悟的先锋战士。',
    answer: '共产主义',
    wrong: ['社会主义', '爱国主义', '集体主义'],
    why: '党章第二条。',
    difficulty: 1,
  },
  {
    cat: 党章,
    text: '党的最高理想和最终目标是实现（ ）。',
    answer: '共产主义',
    wrong: ['社会主义现代化', '全面小康', '共同富裕'],
    why: '党章总纲。',
    difficulty: 1,
  },
  {
    cat: 党章,
    text: '党除了工人阶级和最广大人民群众的利益，没有自己特殊的利益。党的根本宗旨是（ ）。',
    answer: '全心全意为人民服务',
    wrong: ['实事求是', '从严治党', '艰苦奋斗'],
    why: '党章总纲：党在任何时候都把群众利益放在第一位，坚持全心全意为人民服务的根本宗旨。',
    difficulty: 1,
  },
  {
    cat: 党章,
    text: '党是根据自己的纲领和章程，按照（ ）组织起来的统一整体。',
    answer: '民主集中制',
    wrong: ['集体领导制', '首长负责制', '民主协商制'],
    why: '党章第十条：党是根据自己的纲领和章程，按照民主集中制组织起来的统一整体。',
  },
  {
    cat: 党章,
    text: '中国共产党党徽为（ ）组成的图案。',
    answer: '镰刀和锤头',
    also: ['镰刀锤头'],
    wrong: ['五角星和麦穗', '齿轮和麦穗', '五角星和齿轮'],
    why: '党章规定：中国共产党党徽为镰刀和锤头组成的图案。',
    difficulty: 1,
  },
  {
    cat: 党章,
    text: '中国共产党党旗为旗面缀有（ ）党徽图案的红旗。',
    answer: '金黄色',
    also: ['金黄'],
    wrong: ['白色', '银白色', '红色'],
    why: '党章的规定。',
    difficulty: 1,
  },
  {
    cat: 党章,
    text: '党的基层组织是党在社会基层组织中的（ ），是党的全部工作和战斗力的基础。',
    answer: '战斗堡垒',
    wrong: ['指挥中心', '领导核心', '工作机构'],
    why: '党章的规定。',
  },
  {
    cat: 党章,
    text: '党的各级纪律检查委员会是党内（ ）机关。',
    answer: '监督专责',
    wrong: ['执行', '决策', '议事协调'],
    why: '党章规定：党的各级纪律检查委员会是党内监督专责机关。',
    difficulty: 2,
  },
  {
    cat: 党章,
    text: '在中央和地方国家机关、人民团体、经济组织、文化组织和其他非党组织的领导机关中，可以成立（ ）。',
    answer: '党组',
    wrong: ['党支部', '党小组', '党工委'],
    why: '党章的规定。',
  },
  {
    cat: 党章,
    text: '党员有（ ）的自由。',
    answer: '退党',
    wrong: ['不参加组织生活', '不交纳党费', '拒绝组织分配工作'],
    why: '党章第九条：党员有退党的自由。',
    difficulty: 2,
  },
  {
    cat: 党章,
    text: '党员如果没有正当理由，连续（ ）个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作，就被认为是自行脱党。',
    answer: '六',
    also: ['6'],
    wrong: ['三', '十二', '九'],
    why: '党章第九条。',
  },
  {
    cat: 党章,
    text: '党员享有的权利，党章列出了（ ）项。',
    answer: '八',
    also: ['8'],
    wrong: ['六', '七', '十'],
    why: '党章第四条列出党员享有的八项权利。',
    difficulty: 3,
  },
  {
    cat: 党章,
    text: '党员必须履行的义务，党章列出了（ ）项。',
    answer: '八',
    also: ['8'],
    wrong: ['六', '七', '十'],
    why: '党章第三条列出党员必须履行的八项义务。',
    difficulty: 3,
  },
  {
    cat: 党章,
    text: '党的各级领导机关，除它们派出的代表机关和在非党组织中的党组以外，都由（ ）产生。',
    answer: '选举',
    wrong: ['任命', '推荐', '协商'],
    why: '党章第十条第二款。',
  },
  {
    cat: 党章,
    text: '党组织讨论决定问题，必须执行（ ）的原则。',
    answer: '少数服从多数',
    wrong: ['个人服从组织', '下级服从上级', '集体服从个人'],
    why: '党章规定：党组织讨论决定问题，必须执行少数服从多数的原则。',
  },
  {
    cat: 党章,
    text: '中国共产党成立于（ ）年。',
    answer: '1921',
    also: ['1921年', '一九二一'],
    wrong: ['1919', '1927', '1949'],
    why: '中国共产党第一次全国代表大会于1921年召开。',
    difficulty: 1,
  },
  {
    cat: 发展,
    text: '年满（ ）岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子，可以申请加入中国共产党。',
    answer: '十八',
    also: ['18'],
    wrong: ['十六', '二十', '二十二'],
    why: '党章第一条。',
    difficulty: 1,
  },
  {
    cat: 发展,
    text: '申请入党的人，要有（ ）名正式党员作介绍人。',
    answer: '两',
    also: ['2', '二'],
    wrong: ['一', '三', '四'],
    why: '党章第五条。',
    difficulty: 1,
  },
  {
    cat: 发展,
    text: '预备党员的预备期为（ ）。',
    answer: '一年',
    also: ['1年'],
    wrong: ['半年', '两年', '三个月'],
    why: '党章第七条：预备党员的预备期为一年。',
    difficulty: 1,
  },
  {
    cat: 发展,
    text: '预备党员的预备期，从（ ）通过他为预备党员之日算起。',
    answer: '支部大会',
    also: ['支部党员大会'],
    wrong: ['上级党委', '支部委员会', '党小组'],
    why: '党章第七条。',
    difficulty: 2,
  },
  {
    cat: 发展,
    text: '党员的党龄，从（ ）之日算起。',
    answer: '预备期满转为正式党员',
    also: ['转为正式党员', '转正'],
    wrong: ['递交入党申请书', '支部大会通过为预备党员', '入党宣誓'],
    why: '党章第七条。',
    difficulty: 2,
  },
  {
    cat: 发展,
    text: '延长预备党员的预备期，最长不能超过（ ）。',
    answer: '一年',
    also: ['1年'],
    wrong: ['半年', '两年', '三个月'],
    why: '党章第七条：延长预备期的时间不能超过一年。',
    difficulty: 2,
  },
  {
    cat: 发展,
    text: '党组织收到入党申请书后，应当在（ ）内派人同入党申请人谈话。',
    answer: '一个月',
    also: ['1个月', '一月'],
    wrong: ['一周', '三个月', '半年'],
    why: '发展党员工作细则第七条。',
    difficulty: 2,
  },
  {
    cat: 发展,
    text: '入党积极分子经过（ ）以上的培养教育和考察，方可列为发展对象。',
    answer: '一年',
    also: ['1年'],
    wrong: ['半年', '两年', '三个月'],
    why: '发展党员工作细则第十三条。',
    difficulty: 2,
  },
  {
    cat: 发展,
    text: '对发展对象进行短期集中培训，时间一般不少于（ ）天或不少于24个学时。',
    answer: '三',
    also: ['3'],
    wrong: ['一', '五', '七'],
    why: '发展党员工作细则第十七条。',
    difficulty: 3,
  },
  {
    cat: 发展,
    text: '上级党委应当在支部大会讨论后（ ）内审批接收预备党员。',
    answer: '三个月',
    also: ['3个月'],
    wrong: ['一个月', '半年', '一年'],
    why: '发展党员工作细则第二十五条。',
    difficulty: 3,
  },
  {
    cat: 发展,
    text: '培养联系人一般由（ ）名正式党员担任。',
    answer: '一至两',
    also: ['1至2', '1-2', '一到两'],
    wrong: ['三', '四', '五'],
    why: '发展党员工作细则：党组织应当指定一至两名正式党员作入党积极分子的培养联系人。',
    difficulty: 3,
  },
  {
    cat: 组织,
    text: '有正式党员（ ）人以上的基层单位，都应当成立党的基层组织。',
    answer: '三',
    also: ['3'],
    wrong: ['五', '七', '两'],
    why: '党章的规定。',
    difficulty: 1,
  },
  {
    cat: 组织,
    text: '正式党员（ ）人以上的党支部，设立支部委员会。',
    answer: '七',
    also: ['7'],
    wrong: ['三', '五', '十'],
    why: '中国共产党支部工作条例（试行）。',
  },
  {
    cat: 组织,
    text: '党员人数超过（ ）人的，经批准可以成立党的总支部委员会。',
    answer: '五十',
    also: ['50'],
    wrong: ['三十', '一百', '二十'],
    why: '中国共产党支部工作条例（试行）。',
    difficulty: 2,
  },
  {
    cat: 组织,
    text: '党员人数（ ）人以上的，可以成立党的基层委员会。',
    answer: '一百',
    also: ['100'],
    wrong: ['五十', '二百', '三百'],
    why: '党的基层组织设置的一般规定。',
    difficulty: 2,
  },
  {
    cat: 组织,
    text: '党支部是党的（ ）组织。',
    answer: '基础',
    wrong: ['领导', '执行', '临时'],
    why: '中国共产党支部工作条例（试行）：党支部是党的基础组织。',
    difficulty: 2,
  },
  {
    cat: 组织,
    text: '支部委员会由（ ）人组成，一般不超过7人。',
    answer: '三至五',
    also: ['3至5', '3-5', '三到五'],
    wrong: ['二至三', '五至七', '七至九'],
    why: '中国共产党支部工作条例（试行）。',
    difficulty: 3,
  },
  {
    cat: 组织,
    text: '党的基层委员会、总支部委员会、支部委员会每届任期（ ）年。',
    answer: '三至五',
    also: ['3至5', '3-5', '三到五'],
    wrong: ['二', '十', '六'],
    why: '党章的规定。',
    difficulty: 2,
  },
  {
    cat: 组织,
    text: '提前或者延期进行换届选举，期限一般不超过（ ）。',
    answer: '一年',
    also: ['1年'],
    wrong: ['半年', '两年', '三个月'],
    why: '中国共产党基层组织选举工作条例第三条。',
    difficulty: 3,
  },
  {
    cat: 生活,
    text: '支部党员大会一般每（ ）召开一次。',
    answer: '季度',
    also: ['季', '三个月'],
    wrong: ['月', '半年', '年'],
    why: '中国共产党支部工作条例（试行）第十一条。',
    difficulty: 1,
  },
  {
    cat: 生活,
    text: '支部委员会会议一般每（ ）召开一次。',
    answer: '月',
    also: ['个月', '一个月'],
    wrong: ['季度', '周', '半年'],
    why: '中国共产党支部工作条例（试行）第十二条。',
    difficulty: 1,
  },
  {
    cat: 生活,
    text: '党小组会一般每（ ）召开一次。',
    answer: '月',
    also: ['个月', '一个月'],
    wrong: ['季度', '周', '年'],
    why: '中国共产党支部工作条例（试行）第十三条。',
    difficulty: 1,
  },
  {
    cat: 生活,
    text: '党支部每月相对固定一天开展（ ）。',
    answer: '主题党日',
    wrong: ['组织生活会', '民主评议', '党员大会'],
    why: '中国共产党支部工作条例（试行）第十六条。',
    difficulty: 1,
  },
  {
    cat: 生活,
    text: '组织生活会一般每年召开（ ）次。',
    answer: '一',
    also: ['1'],
    wrong: ['两', '四', '十二'],
    why: '中国共产党支部工作条例（试行）第十七条。',
    difficulty: 2,
  },
  {
    cat: 生活,
    text: '党员每年集中学习培训时间一般不少于（ ）学时。',
    answer: '32',
    also: ['三十二'],
    wrong: ['16', '24', '56'],
    why: '中国共产党党员教育管理工作条例。',
    difficulty: 2,
  },
  {
    cat: 生活,
    text: '基层党组织书记和班子成员每年集中学习培训时间不少于（ ）学时。',
    answer: '56',
    also: ['五十六'],
    wrong: ['32', '48', '72'],
    why: '中国共产党党员教育管理工作条例。',
    difficulty: 3,
  },
  {
    cat: 生活,
    text: '支部党员大会须有（ ）以上有表决权的党员到会方可召开。',
    answer: '半数',
    also: ['一半', '二分之一'],
    wrong: ['三分之二', '五分之四', '三分之一'],
    why: '中国共产党支部工作条例（试行）第十一条。',
    difficulty: 2,
  },
  {
    cat: 党费,
    text: '在职党员月工资收入（税后）在3000元以下（含3000元）的，按月交纳工资收入的（ ）。',
    answer: '0.5%',
    also: ['百分之零点五'],
    wrong: ['1%', '1.5%', '2%'],
    why: '中组发〔2008〕3号第二条。',
    difficulty: 2,
  },
  {
    cat: 党费,
    text: '在职党员月工资收入（税后）在3000元以上至5000元（含5000元）的，按月交纳工资收入的（ ）。',
    answer: '1%',
    also: ['百分之一'],
    wrong: ['0.5%', '1.5%', '2%'],
    why: '中组发〔2008〕3号第二条。',
    difficulty: 2,
  },
  {
    cat: 党费,
    text: '在职党员月工资收入（税后）在5000元以上至10000元（含10000元）的，按月交纳工资收入的（ ）。',
    answer: '1.5%',
    also: ['百分之一点五'],
    wrong: ['0.5%', '1%', '2%'],
    why: '中组发〔2008〕3号第二条。',
    difficulty: 2,
  },
  {
    cat: 党费,
    text: '在职党员月工资收入（税后）在10000元以上的，按月交纳工资收入的（ ）。',
    answer: '2%',
    also: ['百分之二'],
    wrong: ['0.5%', '1%', '1.5%'],
    why: '中组发〔2008〕3号第二条。',
    difficulty: 2,
  },
  {
    cat: 党费,
    text: '学生党员、下岗失业的党员、领取最低生活保障金的党员，每月交纳党费（ ）元。',
    answer: '0.2',
    also: ['0.20', '两角'],
    wrong: ['0.5', '1', '2'],
    why: '中组发〔2008〕3号第六条。',
    difficulty: 3,
  },
  {
    cat: 党费,
    text: '党员一次性自愿多交纳党费（ ）元以上的，全部上缴中央。',
    answer: '1000',
    also: ['一千'],
    wrong: ['500', '5000', '10000'],
    why: '中组发〔2008〕3号第十一条。',
    difficulty: 3,
  },
  {
    cat: 纪律,
    text: '党员受到留党察看处分，留党察看最长不超过（ ）。',
    answer: '两年',
    also: ['2年', '二年'],
    wrong: ['一年', '三年', '半年'],
    why: '党章规定：留党察看最长不超过两年。',
    difficulty: 2,
  },
  {
    cat: 纪律,
    text: '党对违犯党的纪律的党员，应当本着（ ）的精神，按照错误性质和情节轻重给予处理。',
    answer: '惩前毖后、治病救人',
    also: ['惩前毖后，治病救人'],
    wrong: ['宽严相济', '严惩不贷', '既往不咎'],
    why: '党章的规定。',
    difficulty: 2,
  },
  {
    cat: 纪律,
    text: '开除党籍是党内的（ ）处分。',
    answer: '最高',
    wrong: ['最轻', '一般', '临时'],
    why: '党章规定：开除党籍是党内的最高处分。',
    difficulty: 1,
  },
  {
    cat: 纪律,
    text: '党的纪律处分有（ ）种。',
    answer: '五',
    also: ['5'],
    wrong: ['三', '四', '六'],
    why: '党章规定：警告、严重警告、撤销党内职务、留党察看、开除党籍。',
    difficulty: 1,
  },
  {
    cat: 纪律,
    text: '党员在留党察看期间没有表决权、选举权和（ ）。',
    answer: '被选举权',
    wrong: ['发言权', '知情权', '申诉权'],
    why: '党章的规定。',
    difficulty: 2,
  },
];

const LISTS: ListFact[] = [
  {
    cat: 纪律,
    stem: '党的纪律处分包括（ ）。',
    right: ['警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍'],
    wrong: ['记过', '降级', '罚款'],
    why: '党章规定了五种纪律处分。',
  },
  {
    cat: 纪律,
    stem: '党的纪律主要包括（ ）。',
    right: ['政治纪律', '组织纪律', '廉洁纪律', '群众纪律', '工作纪律', '生活纪律'],
    wrong: ['宣传纪律', '财经纪律'],
    why: '中国共产党纪律处分条例规定的六项纪律。',
  },
  {
    cat: 党章,
    stem: '党的群众路线是（ ）。',
    right: ['一切为了群众', '一切依靠群众', '从群众中来', '到群众中去'],
    wrong: ['一切服从群众', '一切替代群众'],
    why: '党章总纲。',
  },
  {
    cat: 党章,
    stem: '党的思想路线包括（ ）。',
    right: ['一切从实际出发', '理论联系实际', '实事求是', '在实践中检验真理和发展真理'],
    wrong: ['一切从书本出发', '一切从经验出发'],
    why: '党章总纲。',
  },
  {
    cat: 党章,
    stem: '“四个自信”是指（ ）。',
    right: ['道路自信', '理论自信', '制度自信', '文化自信'],
    wrong: ['历史自信', '经济自信', '科技自信'],
    why: '党章总纲。',
  },
  {
    cat: 党章,
    stem: '“四个意识”是指（ ）。',
    right: ['政治意识', '大局意识', '核心意识', '看齐意识'],
    wrong: ['责任意识', '忧患意识', '服务意识'],
    why: '党章总纲。',
  },
  {
    cat: 党章,
    stem: '党章规定的“四个服从”包括（ ）。',
    right: ['党员个人服从党的组织', '少数服从多数', '下级组织服从上级组织', '全党各个组织和全体党员服从党的全国代表大会和中央委员会'],
    wrong: ['多数服从少数', '上级组织服从下级组织'],
    why: '党章第十条。',
  },
  {
    cat: 党章,
    stem: '党的建设必须坚决实现的基本要求包括（ ）。',
    right: ['坚持党的基本路线', '坚持解放思想，实事求是，与时俱进，求真务实', '坚持全心全意为人民服务', '坚持民主集中制'],
    wrong: ['坚持一切从书本出发', '坚持个人说了算'],
    why: '党章总纲规定的党的建设基本要求。',
  },
  {
    cat: 生活,
    stem: '“三会一课”包括（ ）。',
    right: ['支部党员大会', '支部委员会', '党小组会', '党课'],
    wrong: ['组织生活会', '民主评议会', '主题党日'],
    why: '中国共产党支部工作条例（试行）。',
  },
  {
    cat: 生活,
    stem: '民主评议党员的评定等次包括（ ）。',
    right: ['优秀', '合格', '基本合格', '不合格'],
    wrong: ['良好', '称职'],
    why: '民主评议党员的等次。',
  },
  {
    cat: 发展,
    stem: '发展党员的五个阶段包括（ ）。',
    right: ['申请入党', '入党积极分子的确定和教育培养', '发展对象的确定和考察', '预备党员的接收', '预备党员的教育考察和转正'],
    wrong: ['入党宣誓后的试用', '党员的年度考核'],
    why: '中国共产党发展党员工作细则。',
  },
  {
    cat: 发展,
    stem: '预备党员与正式党员相比，不享有的权利有（ ）。',
    right: ['表决权', '选举权', '被选举权'],
    wrong: ['参加党的有关会议', '在党的会议上发言', '向党组织提出建议'],
    why: '党章第七条：预备党员除了没有表决权、选举权和被选举权以外，也同正式党员一样享有权利。',
  },
  {
    cat: 组织,
    stem: '应当成立党的基层组织的单位包括（ ）。',
    right: ['企业', '农村', '机关', '学校', '街道社区', '社会组织'],
    wrong: ['只有国有企业', '只有党政机关'],
    why: '党章的规定。',
  },
  {
    cat: 组织,
    stem: '党员组织关系转接时可使用的材料有（ ）。',
    right: ['组织关系介绍信', '党员证明信', '流动党员活动证'],
    wrong: ['党员身份证', '入党志愿书复印件'],
    why: '党员组织关系转接的有关规定。',
  },
];

/** A fixed rotation instead of a random source: the demo bank is the same on every start. */
const rotate = <T>(items: readonly T[], k: number): T[] => items.map((_, i) => items[(i + k) % items.length]);

function fromBlank(f: BlankFact, k: number): ParsedQuestion[] {
  const base = { category: f.cat, difficulty: f.difficulty ?? 2, explanation: f.why };
  const options = rotate([f.answer, ...f.wrong], k % 4);
  const fill = f.text.replace('（ ）', '____');
  const statement = (s: string) => f.text.replace('（ ）', s);
  return [
    { ...base, type: 'single', stem: f.text, options, answer: [options.indexOf(f.answer)] },
    { ...base, type: 'fill', stem: fill, options: [], answer: [[f.answer, ...(f.also ?? [])]] },
    { ...base, type: 'judge', stem: statement(f.answer), options: [], answer: true },
    { ...base, type: 'judge', stem: statement(f.wrong[0]), options: [], answer: false, difficulty: Math.min(3, base.difficulty + 1) },
  ];
}

function fromList(f: ListFact, k: number): ParsedQuestion[] {
  const out: ParsedQuestion[] = [];
  // Three papers of the same list: all the right ones, and two with a right one left out.
  for (let v = 0; v < 3; v++) {
    const right = v === 0 ? f.right : f.right.filter((_, i) => i !== (k + v) % f.right.length);
    const wrong = rotate(f.wrong, v).slice(0, Math.max(1, Math.min(f.wrong.length, 6 - right.length)));
    const options = rotate([...right, ...wrong], (k + v) % (right.length + wrong.length)).slice(0, 8);
    const answer = options.map((o, i) => (right.includes(o) ? i : -1)).filter((i) => i >= 0);
    if (answer.length < 2) continue;
    out.push({ type: 'multiple', stem: f.stem, options, answer, category: f.cat, difficulty: 2 + (v > 0 ? 1 : 0), explanation: f.why });
  }
  return out;
}

/** The demo bank: about 300 questions. */
export function demoQuestions(): ParsedQuestion[] {
  return [...BLANKS.flatMap((f, k) => fromBlank(f, k)), ...LISTS.flatMap((f, k) => fromList(f, k))];
}
