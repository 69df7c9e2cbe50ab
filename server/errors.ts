// One error type for the whole server: a stable code, a Chinese message for people,
// the field at fault, and the HTTP status it maps to.
export class AppError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly status = 400,
    public readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what = '对象') => new AppError('NOT_FOUND', `${what}不存在或无权访问`, 404);
export const forbidden = () => new AppError('FORBIDDEN', '无权执行此操作', 403);
export const unauthorized = () => new AppError('UNAUTHORIZED', '请先登录', 401);
export const conflict = (message: string, field?: string) => new AppError('CONFLICT', message, 409, field);
export const invalid = (message: string, field?: string) => new AppError('INVALID', message, 400, field);
