// What to choose when a page has nothing to show for the organization opened first (a city or district
// holds few records itself; they sit one level down): said plainly, with the one click that shows data.
import type { ReactNode } from 'react';
import { Alert } from 'antd';

export function FirstScreenPrompt({ message, action }: { message: ReactNode; action?: ReactNode }) {
  return <Alert type="info" showIcon title={message} action={action} style={{ marginBottom: 8 }} data-testid="first-screen-prompt" />;
}
