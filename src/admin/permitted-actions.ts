import { useDocumentRBAC } from '@strapi/strapi/admin';

/**
 * The content manager shows actions the signed-in role may not take as disabled menu items
 * ("Delete entry", "Delete locale", "Publish" in a locale the role may not publish in); a
 * translator pressing one gets an error. These wrappers return no action instead, so that only
 * what the role can do is offered. Each wrapper calls the original (hooks always run in the same
 * order) and drops its description when the role's permissions in the current locale (the
 * content manager's own RBAC context) do not allow it.
 */

type Description = { disabled?: boolean; variant?: string } | null;
type Action = ((props: never) => Description) & { type?: string; position?: unknown };

const GATES: Record<string, 'canDelete' | 'canPublish' | 'canCreate'> = {
  delete: 'canDelete',
  publish: 'canPublish',
  unpublish: 'canPublish',
  clone: 'canCreate',
};

const gate = (action: Action): Action => {
  const permission = action.type ? GATES[action.type] : undefined;
  // i18n's "Delete locale" has no type: a disabled danger action is one the role may not take.
  const untypedDanger = !action.type;
  if (!permission && !untypedDanger) return action;
  const wrapped = ((props: never) => {
    const allowed = useDocumentRBAC('PermittedActions', (rbac) => (permission ? Boolean(rbac[permission]) : true));
    const description = action(props);
    if (!description) return description;
    if (!allowed) return null;
    if (untypedDanger && description.variant === 'danger' && description.disabled) return null;
    return description;
  }) as Action;
  wrapped.type = action.type;
  wrapped.position = action.position;
  return wrapped;
};

export const onlyPermittedActions = <T>(actions: T[]): T[] => actions.map((action) => gate(action as unknown as Action) as unknown as T);
