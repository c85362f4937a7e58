// The codebook as an outline: expand and collapse branches, select a code, and (for leads) drag a
// code by its handle to reorder it or give it a new parent: up and down to change its place, right
// and left to change its level. The keyboard does the same: Space or Enter on the handle picks the
// code up, the arrow keys move it, Space or Enter drops it, Escape cancels.
import { useRef, useState } from 'react';
import { ActionIcon, Badge, Box, ColorSwatch, Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconGripVertical } from '@tabler/icons-react';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragMoveEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CodebookCode, MoveCodeBody } from '@concord/contracts';
import { dropTarget, getProjection, pathOf, treeRows, type TreeRow } from './tree-model.ts';

const INDENT = 24;

// Left and right change the level by one indent; up and down go to the neighbouring row and keep
// the level chosen so far.
const coordinateGetter: KeyboardCoordinateGetter = (event, args) => {
  const { currentCoordinates } = args;
  if (event.code === 'ArrowRight' || event.code === 'ArrowLeft') {
    event.preventDefault();
    return { ...currentCoordinates, x: currentCoordinates.x + (event.code === 'ArrowRight' ? INDENT : -INDENT) };
  }
  const next = sortableKeyboardCoordinates(event, args);
  return next ? { ...next, x: currentCoordinates.x } : next;
};

const SCREEN_READER_INSTRUCTIONS = {
  draggable:
    'To move a code, press Space or Enter to pick it up. Use the up and down arrow keys to change its place, ' +
    'the right and left arrow keys to make it a sub-code of the code above or to move it up a level. ' +
    'Press Space or Enter to drop it, or Escape to cancel.',
};

interface CodebookTreeProps {
  codes: CodebookCode[];
  selectedId: string | null;
  onSelect: (codeId: string) => void;
  collapsed: ReadonlySet<string>;
  onToggle: (codeId: string) => void;
  showRetired: boolean;
  /** Leads and owners: drag handles, and the move to make on a drop. */
  onMove?: (codeId: string, move: MoveCodeBody) => void;
}

export function CodebookTree({ codes, selectedId, onSelect, collapsed, onToggle, showRetired, onMove }: CodebookTreeProps) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const [offsetX, setOffsetX] = useState(0);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    // An instant scroll keeps the rows where the sensor measured them; a smooth one lets the row
    // under the dragged code change after the key press, and a drop mid-scroll land elsewhere.
    useSensor(KeyboardSensor, { coordinateGetter, scrollBehavior: 'instant' }),
  );

  // While a code is dragged its sub-codes travel with it, folded away.
  const rows = treeRows(codes, { collapsed: activeId ? new Set([...collapsed, activeId]) : collapsed, showRetired });
  const projection = activeId && overId ? getProjection(rows, activeId, overId, offsetX, INDENT) : null;
  const nameOf = (id: string | number | undefined | null) => codes.find((code) => code.id === id)?.name ?? 'the code';
  const placeOf = (parentId: string | null) => (parentId ? `under ${pathOf(codes, parentId).join(' › ')}` : 'at the top level');

  // Announcements are read after each drag event; the offset they need is kept as it happens.
  const offsetRef = useRef(0);
  const landing = (active: string | number, over: string | number, offset: number) => {
    const projected = getProjection(rows, String(active), String(over), offset, INDENT);
    return projected ? placeOf(projected.parentId) : 'where it was';
  };
  const wouldGo: Announcements['onDragMove'] = ({ active, over }) =>
    over ? `${nameOf(active.id)} would go ${landing(active.id, over.id, offsetRef.current)}.` : undefined;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}.`,
    onDragMove: wouldGo,
    // The row under the code can change after a move (the page scrolls); at the start it is the
    // code itself, and "Picked up" says more.
    onDragOver: (event) => (event.over?.id === event.active.id ? undefined : wouldGo(event)),
    onDragEnd: ({ active, over }) =>
      over ? `${nameOf(active.id)} dropped ${landing(active.id, over.id, offsetRef.current)}.` : `${nameOf(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled; it stays where it was.`,
  };

  function reset() {
    setActiveId(null);
    setOverId(null);
    setOffsetX(0);
  }

  function dragStart({ active }: DragStartEvent) {
    offsetRef.current = 0;
    setActiveId(String(active.id));
    setOverId(String(active.id));
    setOffsetX(0);
  }

  function dragMove({ delta }: DragMoveEvent) {
    offsetRef.current = delta.x;
    setOffsetX(delta.x);
  }

  function dragEnd({ active, over, delta }: DragEndEvent) {
    const projected = over ? getProjection(rows, String(active.id), String(over.id), delta.x, INDENT) : null;
    const target = over && projected ? dropTarget(codes, rows, String(active.id), String(over.id), projected) : null;
    reset();
    if (target && onMove) onMove(String(active.id), target);
  }

  const list = (
    <Box component="ul" aria-label="Codes" m={0} p={0} style={{ listStyle: 'none' }}>
      {rows.map((row) => (
        <TreeItem
          key={row.code.id}
          row={row}
          depth={row.code.id === activeId && projection ? projection.depth : row.depth}
          selected={row.code.id === selectedId}
          expanded={!collapsed.has(row.code.id)}
          onSelect={onSelect}
          onToggle={onToggle}
          draggable={Boolean(onMove)}
        />
      ))}
    </Box>
  );

  if (!onMove) return list;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      accessibility={{ announcements, screenReaderInstructions: SCREEN_READER_INSTRUCTIONS }}
      onDragStart={dragStart}
      onDragMove={dragMove}
      onDragOver={({ over }: DragOverEvent) => setOverId(over ? String(over.id) : null)}
      onDragEnd={dragEnd}
      onDragCancel={reset}
    >
      <SortableContext items={rows.map((row) => row.code.id)} strategy={verticalListSortingStrategy}>
        {list}
      </SortableContext>
    </DndContext>
  );
}

interface TreeItemProps {
  row: TreeRow;
  depth: number;
  selected: boolean;
  expanded: boolean;
  draggable: boolean;
  onSelect: (codeId: string) => void;
  onToggle: (codeId: string) => void;
}

function TreeItem({ row, depth, selected, expanded, draggable, onSelect, onToggle }: TreeItemProps) {
  const { code } = row;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: code.id,
    disabled: !draggable,
  });
  return (
    <Box
      component="li"
      ref={setNodeRef}
      data-code-id={code.id}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        paddingLeft: depth * INDENT,
        position: 'relative',
        zIndex: isDragging ? 1 : undefined,
        opacity: isDragging ? 0.85 : undefined,
      }}
    >
      <Group
        gap={4}
        wrap="nowrap"
        px={4}
        py={2}
        style={{
          borderRadius: 'var(--mantine-radius-sm)',
          background: isDragging ? 'var(--mantine-color-default-hover)' : selected ? 'var(--mantine-primary-color-light)' : undefined,
          boxShadow: isDragging ? 'var(--mantine-shadow-sm)' : undefined,
        }}
      >
        {row.hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => onToggle(code.id)}
            aria-label={`${expanded ? 'Collapse' : 'Expand'} ${code.name}`}
            aria-expanded={expanded}
          >
            {expanded ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        ) : (
          <Box w={22} aria-hidden />
        )}
        {draggable ? (
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray"
            size="sm"
            style={{ cursor: isDragging ? 'grabbing' : 'grab', touchAction: 'none' }}
            {...attributes}
            {...listeners}
            aria-label={`Drag ${code.name}`}
          >
            <IconGripVertical size={16} aria-hidden />
          </ActionIcon>
        ) : null}
        <UnstyledButton
          onClick={() => onSelect(code.id)}
          aria-current={selected ? 'true' : undefined}
          aria-label={code.retired ? `${code.name} (retired)` : code.name}
          style={{ flex: 1, minWidth: 0, borderRadius: 'var(--mantine-radius-sm)' }}
          px={4}
          py={2}
        >
          <Group gap={8} wrap="nowrap">
            {code.color ? <ColorSwatch color={code.color} size={12} aria-hidden /> : null}
            <Text
              size="sm"
              fw={depth === 0 ? 600 : 400}
              c={code.retired ? 'dimmed' : undefined}
              td={code.retired ? 'line-through' : undefined}
              truncate
            >
              {code.name}
            </Text>
            {code.shortcut ? <Kbd size="xs">{code.shortcut}</Kbd> : null}
            {code.retired ? (
              <Badge size="xs" variant="light" color="gray">
                retired
              </Badge>
            ) : null}
            {code.examples.length > 0 ? (
              <Badge size="xs" variant="outline" color="gray" title={`${code.examples.length} examples`}>
                {code.examples.length} ex.
              </Badge>
            ) : null}
          </Group>
        </UnstyledButton>
      </Group>
    </Box>
  );
}
