/** The buttons for exactly the actions the server allows this reader now (`allowedActions`). */
import type { TaskAction } from '@luoshi/contracts';
import { Button, Flex } from 'antd';
import { useAppLocale } from '../../app/i18n/i18n';
import { destructiveActions } from './task-actions';
import { actionLabel } from './task-format';

/** The main forward step is primary, 退回/退回重办/撤销 are danger buttons, 催办 and the rest plain. */
export function TaskActionBar({ actions, onPick }: { actions: readonly TaskAction[]; onPick: (action: TaskAction) => void }) {
  const locale = useAppLocale();
  const primary = actions.find((action) => !destructiveActions.includes(action) && action !== 'urge');
  return (
    <Flex wrap gap={8}>
      {actions.map((action) => (
        <Button
          key={action}
          type={action === primary ? 'primary' : 'default'}
          danger={destructiveActions.includes(action)}
          onClick={() => onPick(action)}
        >
          {actionLabel(action, locale)}
        </Button>
      ))}
    </Flex>
  );
}
