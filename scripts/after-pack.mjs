// electron-builder's afterPack hook (electron-builder.yml `afterPack`): flips Electron's fuses
// in the packaged binary with @electron/fuses, after packing and before signing, so that the
// signature covers the flipped bits (Electron's security checklist, item 19). FUSES is the
// whole policy; tests/integration/electron-fuses.test.ts checks it against the README and
// flips it on a fake binary. Fuses not named here keep Electron's defaults.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** The fuses Claimdesk sets, by their @electron/fuses name. */
export const FUSES = Object.freeze({
  // No ELECTRON_RUN_AS_NODE: the app binary cannot be used as a plain Node.js.
  RunAsNode: false,
  EnableCookieEncryption: true,
  // No NODE_OPTIONS, --inspect or --inspect-brk: no code injected into main from outside.
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash electron-builder embeds (macOS and Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // The renderer is served from app://claimdesk/ (electron/app-protocol.ts), never file://.
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * FUSES as the config @electron/fuses takes (fuse-wire indexes to states).
 * @throws TypeError when a name is not a fuse this @electron/fuses knows
 */
export function fuseConfig() {
  const config = { version: FuseVersion.V1 };
  for (const [name, isOn] of Object.entries(FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new TypeError(`${name} is not a fuse @electron/fuses ${FuseVersion.V1} knows; check the FUSES names`);
    config[index] = isOn;
  }
  return config;
}

/**
 * The packaged Electron executable: the .app bundle on macOS (@electron/fuses finds the
 * framework inside it), the .exe on Windows, `linux.executableName` on Linux.
 * @param context electron-builder's AfterPackContext
 */
export function packagedBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName);
}

/** Flips FUSES in the packaged binary; re-signs ad hoc on macOS (required on Apple silicon). */
export async function afterPack(context) {
  const config = { ...fuseConfig(), resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' };
  await flipFuses(packagedBinary(context), config);
}

export default afterPack;
