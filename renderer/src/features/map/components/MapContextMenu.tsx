import { useTranslation } from 'react-i18next';
import { COMMANDS } from '../../../../../preload/commands';
import { keyLabel } from '../../../commands/keys';
import { runCommand } from '../../../commands/registry';
import { useMapStore } from '../store';
import { FloatingMenu, type MenuItem } from './FloatingMenu';

/** Right-click menu on a node or the background; its entries are commands of the registry. */
export function MapContextMenu() {
  const { t } = useTranslation(['map', 'commands']);
  const menu = useMapStore((s) => s.contextMenu);
  const set = useMapStore((s) => s.set);
  if (!menu) return null;
  const close = () => set({ contextMenu: null });
  const cmd = (id: string, label?: string): MenuItem => {
    const spec = COMMANDS.find((c) => c.id === id)!;
    return {
      id,
      label: label ?? t(`commands:${spec.titleKey}` as 'commands:fitView'),
      hint: spec.keys ? keyLabel(spec.keys) : undefined,
      run: () => {
        close();
        runCommand(id, 'context');
      },
    };
  };
  const items: MenuItem[] = menu.nodeId
    ? [
        cmd('map.egoSelected', t('map:contextMenu.focus')),
        cmd('map.deleteSelected', t('map:contextMenu.delete')),
      ]
    : [
        {
          id: 'add-here',
          label: t('map:contextMenu.addHere'),
          run: () =>
            set({ contextMenu: null, newNode: { kind: 'knowledge', x: menu.modelX, y: menu.modelY } }),
        },
        cmd('map.fit'),
        cmd('map.layoutForce'),
        cmd('map.layoutHierarchical'),
        cmd('map.layoutConcentric'),
        cmd('view.exportPng'),
      ];
  if (menu.nodeId) set({ selectedId: menu.nodeId });
  return (
    <FloatingMenu x={menu.clientX} y={menu.clientY} items={items} onClose={close} testId="context-menu" />
  );
}
