// A form's values on submit, or null when a field is wrong: antd has already shown the field
// errors, so there is nothing more to say. Awaiting validateFields() bare in a modal's onOk let its
// rejection escape as an uncaught promise rejection.
interface Validates<T> {
  validateFields: () => Promise<T>;
}

/** antd rejects a failed validation with `{ errorFields }`; anything else is a real error and is rethrown. */
const isValidationFailure = (e: unknown): boolean => typeof e === 'object' && e !== null && 'errorFields' in e;

export async function validValues<T>(form: Validates<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch (e) {
    if (isValidationFailure(e)) return null;
    throw e;
  }
}
