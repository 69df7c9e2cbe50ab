// The header badge listens here: a page that has just changed or read the to-dos asks it to refresh.
const EVENT = 'zugong:todos-changed';

export function todosChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onTodosChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
