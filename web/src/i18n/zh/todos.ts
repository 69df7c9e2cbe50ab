// 「待办事项」界面文字。English: ../en/todos.ts (same keys, checked by the compiler).
const todos = {
  title: '待办事项',
};
export default todos;
