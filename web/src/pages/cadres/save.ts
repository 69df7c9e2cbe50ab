// Saving a modal's form: the server's refusal shown on the field it names (or as a message), a stale
// version explained, and the answer handed on.
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ApiError, errorText } from '../../api/client';

export async function saveForm<T>(form: FormInstance, message: MessageInstance, send: () => Promise<T>): Promise<T | undefined> {
  try {
    return await send();
  } catch (e) {
    const field = e instanceof ApiError ? e.field : undefined;
    if (field && form.getFieldInstance(field)) form.setFields([{ name: field, errors: [errorText(e)] }]);
    else void message.error(errorText(e));
    return undefined;
  }
}

/** Empty strings of optional inputs as null (the API's "not given"). */
export const orNull = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);
