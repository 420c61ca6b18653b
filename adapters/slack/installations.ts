// Bolt's installation store on the store port (files or PostgreSQL): each workspace's installation (Bolt's
// Installation object, with its bot token) is kept sealed with RIGHTS_ENCRYPTION_KEY under its workspace id
// in clear. https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth#installation-store
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Store } from '../store/port.js';
import type { Logger } from '../types.js';
import { SealError, type Sealer } from './sealed.js';

/** Where an installation, a request or an event belongs, as Bolt describes it (InstallationQuery, context). */
export interface WorkspaceRef {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}

/** The id an installation is kept under: the enterprise id for an org-wide install, else the team id. */
export function workspaceId(ref: WorkspaceRef): string | undefined {
  return ref.isEnterpriseInstall && ref.enterpriseId ? ref.enterpriseId : ref.teamId;
}

/** Thrown when a workspace has no installation (never installed, or uninstalled). */
export class NotInstalledError extends Error {
  readonly code = 'not_installed';
}

export interface SealedInstallationStore extends InstallationStore {
  /** The installation kept under a workspace id (see workspaceId); NotInstalledError when there is none. */
  fetchById(id: string): Promise<Installation>;
  deleteById(id: string): Promise<void>;
}

export function createInstallationStore(store: Store, sealer: Sealer, logger: Logger): SealedInstallationStore {
  const save = async (id: string, installation: Installation) => store.saveInstallation(id, sealer.seal(JSON.stringify(installation), id));

  const fetchById = async (id: string): Promise<Installation> => {
    const sealed = await store.getInstallation(id);
    if (sealed === undefined) throw new NotInstalledError(`[slack] the app is not installed in workspace ${id}`);
    let opened: { plaintext: string; stale: boolean };
    try {
      opened = sealer.open(sealed, id);
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      const hint = error.code === 'SEAL_UNKNOWN_KEY' ? ': set the key it was sealed with in RIGHTS_ENCRYPTION_KEY_PREVIOUS, or install the app again' : '';
      throw new Error(`[slack] cannot open the installation of workspace ${id} (${error.message})${hint}`, { cause: error });
    }
    const installation = JSON.parse(opened.plaintext) as Installation;
    // Key rotation: what the previous key sealed is sealed again with the current one on first use.
    if (opened.stale) {
      await save(id, installation).catch((error: unknown) => logger.warn('could not re-seal an installation with the current key', { workspace: id, error: (error as Error).message }));
    }
    return installation;
  };

  return {
    async storeInstallation(installation) {
      const id = workspaceId({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall });
      if (!id) throw new Error('[slack] an installation without a team or enterprise id cannot be kept');
      await save(id, installation as Installation);
      logger.info('installed in a workspace', { workspace: id, ...(installation.isEnterpriseInstall ? { orgWide: true } : {}) });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const id = workspaceId(query);
      if (!id) throw new NotInstalledError('[slack] a request names no workspace');
      return fetchById(id);
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const id = workspaceId(query);
      if (id) await store.deleteInstallation(id);
    },
    fetchById,
    deleteById: (id) => store.deleteInstallation(id),
  };
}
