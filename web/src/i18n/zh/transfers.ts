// 「组织关系转接」界面文字。English: ../en/transfers.ts (same keys, checked by the compiler).
const transfers = {
  title: '组织关系转接',
};

export default transfers;
