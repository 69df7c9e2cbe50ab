// Words people in China build passwords from (SECURITY.md 1, issue 11.6), fed to the strength
// estimator as an extra dictionary next to zxcvbn-ts's common lists: surnames and common pinyin
// words, keyboard runs typed on a Chinese keyboard, Party and government vocabulary, and this
// system's own names. Years and dates the estimator recognises by itself.

/** The hundred most frequent surnames, in pinyin (百家姓 by frequency). */
export const PINYIN_SURNAMES = [
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he',
  'gao', 'lin', 'luo', 'zheng', 'liang', 'xie', 'song', 'tang', 'xu', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng', 'xiao',
  'tian', 'dong', 'yuan', 'pan', 'yu', 'jiang', 'cai', 'jia', 'ding', 'wei', 'xue', 'ye', 'yan', 'lu', 'du', 'dai', 'xia',
  'zhong', 'wang', 'tan', 'fu', 'shen', 'ren', 'yao', 'lu', 'jin', 'wei', 'qiu', 'hou', 'shao', 'meng', 'long', 'wan', 'duan',
  'lei', 'qian', 'tang', 'yin', 'li', 'yi', 'chang', 'wu', 'qiao', 'he', 'lai', 'gong', 'wen', 'ouyang', 'shangguan', 'zhuge',
  'situ', 'sima', 'murong', 'dongfang', 'nangong', 'huangfu',
];

/** Pinyin words and number codes common in Chinese passwords. */
export const PINYIN_WORDS = [
  'woaini', 'aini', 'woaiwojia', 'nihao', 'zhongguo', 'zhonghua', 'beijing', 'shanghai', 'tianjin', 'chongqing', 'guangzhou',
  'shenzhen', 'hangzhou', 'nanjing', 'wuhan', 'chengdu', 'xian', 'laopo', 'laogong', 'baobei', 'qinai', 'xiaoming', 'xiaohong',
  'xiaobao', 'xiaoyu', 'mima', 'mimamima', 'kaixin', 'kuaile', 'xingfu', 'pingan', 'jiayou', 'fendou', 'meili', 'tiantian',
  'yongyuan', 'haha', 'hehe', 'wocao', 'shabi', 'niubi', 'qq', 'weixin', 'taobao', 'baidu', 'huawei', 'xiaomi', 'aiqing',
  'wodemima', 'mingzi', 'shengri', 'zhuce', 'denglu', 'yonghu', 'guanliyuan', 'ceshi', 'moren',
  // Party and government vocabulary
  'dangyuan', 'dang', 'gongchandang', 'gongchan', 'dangjian', 'dangwei', 'dangzhibu', 'zhibu', 'dangzuzhi', 'zuzhi', 'zuzhibu',
  'zugong', 'zhihui', 'zhihuizugong', 'ganbu', 'rencai', 'shuji', 'zhengfu', 'renmin', 'wenming', 'hexie', 'fuqiang', 'minzhu',
  'aiguo', 'gongzuo', 'danwei', 'shequ', 'jiedao', 'jiguan', 'weiyuan', 'huiyi', 'shifan', 'shifanshi',
  // number words (我爱你一生一世, 要发, 一路发…)
  '520', '521', '1314', '5201314', '1314520', '168', '888', '666', '8888', '6666', '9999', '518', '1688', '147258369', '159357',
  // keyboard runs beyond the estimator's own graphs
  'qwer', 'asdf', 'zxcv', 'qaz', 'wsx', 'edc', '1qaz', '2wsx', '3edc', '1q2w3e', '1q2w3e4r', 'qazwsx', 'qweasd', 'asdzxc',
  'zaq1', 'xsw2', 'abc', 'abcd', 'aaa', 'aa', 'qq', 'admin', 'root', 'system', 'sysadmin', 'secadmin', 'auditor', 'demo', 'test',
  'user', 'guest', 'welcome', 'passw0rd',
];

/** Everything above, as one dictionary for the estimator. */
export const CHINESE_PASSWORD_WORDS: string[] = [...new Set([...PINYIN_SURNAMES, ...PINYIN_WORDS])];
