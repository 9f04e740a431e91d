/** The side menu as a drawer, on phones (loaded only there, see `shell.tsx`). */
import { Drawer } from 'antd';
import { Logo, SideMenu } from './shell';

/** The menu drawer; choosing an entry closes it. */
export function PhoneMenuDrawer({ open, width, onClose }: { open: boolean; width: number; onClose: () => void }) {
  return (
    <Drawer placement="left" open={open} onClose={onClose} size={width} title={<Logo withName />} styles={{ body: { padding: 0 } }}>
      <SideMenu onNavigate={onClose} />
    </Drawer>
  );
}
