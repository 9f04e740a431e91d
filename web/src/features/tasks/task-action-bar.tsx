/** The buttons for exactly the actions the server allows this reader now (`allowedActions`). */
import type { TaskAction } from '@luoshi/contracts';
import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useAppLocale } from '../../app/i18n/i18n';
import { arrangeActions } from './task-actions';
import { actionLabelFor, type PendingChange } from './task-format';

/**
 * The main forward step is primary and comes first; 退回/退回重办/撤销/不同意 … are danger buttons at the end. The
 * leader's 同意/不同意 name the pending change (同意暂停).
 */
export function TaskActionBar({
  actions,
  pendingChange,
  onPick,
  leading,
}: {
  actions: readonly TaskAction[];
  pendingChange: PendingChange | null;
  onPick: (action: TaskAction) => void;
  /** Comes first (报送进展, which is not a lifecycle action). */
  leading?: ReactNode;
}) {
  const locale = useAppLocale();
  return (
    <Flex wrap gap={8}>
      {leading}
      {arrangeActions(actions).map(({ action, kind }) => (
        <Button key={action} type={kind === 'primary' ? 'primary' : 'default'} danger={kind === 'danger'} onClick={() => onPick(action)}>
          {actionLabelFor(action, pendingChange, locale)}
        </Button>
      ))}
    </Flex>
  );
}
