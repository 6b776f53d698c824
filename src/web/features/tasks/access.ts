import type { Task } from '../../../shared/schemas/task.js';
import { useMe } from '../../components/session.js';
import { can } from '../../lib/access.js';

/**
 * Whether the signed-in person may change a task (the server's rule): administrators and Partner
 * Managers always; members tasks assigned to or created by them, and those on partners they may
 * edit (`onEditablePartner`, where the page knows it).
 */
export function useCanChangeTask(onEditablePartner = false) {
  const me = useMe();
  const role = me.user.role;
  return (t: Pick<Task, 'assignee' | 'createdBy'>) =>
    can.managePartners(role) || (role === 'member' && (onEditablePartner || t.assignee?.id === me.user.id || t.createdBy?.id === me.user.id));
}
