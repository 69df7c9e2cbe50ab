// Form rules for a new password: the domain policy client-side (the server also checks common passwords).
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { checkPassword } from '../../../domain/security/password-policy';

export function newPasswordRules(t: TFunction, username: () => string): FormRule[] {
  return [
    { required: true, message: t('password.newRequired') },
    {
      validator: async (_r, value?: string) => {
        const problem = value ? checkPassword(value, username(), () => false) : null;
        if (problem) throw new Error(problem.message);
      },
    },
  ];
}

export function confirmRules(t: TFunction, field = 'password'): FormRule[] {
  return [
    { required: true, message: t('password.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: async (_r, value?: string) => {
        if (value && value !== getFieldValue(field)) throw new Error(t('password.mismatch'));
      },
    }),
  ];
}
