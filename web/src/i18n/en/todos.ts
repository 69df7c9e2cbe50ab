// "To-do" interface text. Same keys as ../zh/todos.ts.
import type zh from '../zh/todos';

const todos: typeof zh = {
  title: 'To-do',
};
export default todos;
