// Delivery of information products into a delivery folder (for instance a share the recipient
// reads). Every file appears atomically and complete, an existing file is never replaced:
// identical bytes are a no-op, different bytes get a free name "rapport (2).pdf", "(3)", ...
//
// A file is first written under a temporary name in the target directory and fsynced, then
// hard-linked to its final name (link fails when the name exists, so a concurrent writer is
// never overwritten) and the temporary name removed. File systems without hard links (some
// network shares) fall back to check-then-rename.

import { randomBytes } from "node:crypto";
import { link, lstat, mkdir, open, readFile, realpath, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";

export interface DeliveryFile {
  name: string;
  content: Buffer;
}

const FILE_MODE = 0o640;
const DIR_MODE = 0o750;
const MAX_SUFFIX = 999;
const MAX_NAME_BYTES = 240;

function hasControlCharacter(text: string): boolean {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function checkRelativeDir(relativeDir: string): void {
  const shown = JSON.stringify(relativeDir);
  if (relativeDir.includes("\0")) {
    throw new Error(`Ongeldige map ${shown} in de leveringsmap: bevat een NUL-teken.`);
  }
  if (path.isAbsolute(relativeDir) || path.win32.isAbsolute(relativeDir) || /^[a-zA-Z]:/.test(relativeDir)) {
    throw new Error(
      `Ongeldige map ${shown} in de leveringsmap: dat is een absoluut pad, geef een map binnen de leveringsmap op.`,
    );
  }
  if (relativeDir.split(/[\\/]/).some((segment) => segment === "..")) {
    throw new Error(
      `Ongeldige map ${shown} in de leveringsmap: ".." mag niet, de map moet binnen de leveringsmap blijven.`,
    );
  }
  if (hasControlCharacter(relativeDir)) {
    throw new Error(`Ongeldige map ${shown} in de leveringsmap: bevat een stuurteken.`);
  }
}

function checkFileName(name: string): void {
  const shown = JSON.stringify(name);
  if (name === "" || name === "." || name === "..") {
    throw new Error(`Ongeldige bestandsnaam ${shown} voor de leveringsmap.`);
  }
  if (name.includes("\0")) {
    throw new Error(`Ongeldige bestandsnaam ${shown} voor de leveringsmap: bevat een NUL-teken.`);
  }
  if (name.includes("/") || name.includes("\\")) {
    throw new Error(
      `Ongeldige bestandsnaam ${shown} voor de leveringsmap: een bestandsnaam mag geen / of \\ bevatten.`,
    );
  }
  if (hasControlCharacter(name)) {
    throw new Error(`Ongeldige bestandsnaam ${shown} voor de leveringsmap: bevat een stuurteken.`);
  }
  if (Buffer.byteLength(name, "utf8") > MAX_NAME_BYTES) {
    throw new Error(
      `Bestandsnaam ${shown} is te lang voor de leveringsmap (meer dan ${MAX_NAME_BYTES} bytes).`,
    );
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return (
    relative === "" ||
    (!relative.startsWith(`..${path.sep}`) && relative !== ".." && !path.isAbsolute(relative))
  );
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;
}

/** "rapport.pdf", 3 → "rapport (3).pdf"; a leading dot does not start an extension. */
function numberedName(name: string, n: number): string {
  if (n === 1) return name;
  const ext = path.extname(name);
  const stem = ext === "" ? name : name.slice(0, -ext.length);
  return `${stem} (${n})${ext}`;
}

type Existing = "absent" | "identical" | "different";

async function compareExisting(target: string, content: Buffer): Promise<Existing> {
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(target);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return "absent";
    throw error;
  }
  // A directory, symlink or other non-file under this name is never "the same file".
  if (!info.isFile() || info.size !== content.length) return "different";
  return (await readFile(target)).equals(content) ? "identical" : "different";
}

async function writeTemp(dir: string, content: Buffer): Promise<string> {
  const temp = path.join(dir, `.driehoek-levering-${randomBytes(8).toString("hex")}.tmp`);
  const handle = await open(temp, "wx", FILE_MODE);
  try {
    await handle.writeFile(content);
    await handle.chmod(FILE_MODE); // the umask may have taken bits away
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK"]);

async function exists(target: string): Promise<boolean> {
  try {
    await lstat(target);
    return true;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return false;
    throw error;
  }
}

/** Moves temp to target unless target exists. Returns false (temp untouched) when it exists. */
async function placeWithoutOverwrite(temp: string, target: string): Promise<boolean> {
  try {
    await link(temp, target);
  } catch (error) {
    const code = errorCode(error);
    if (code === "EEXIST") return false;
    if (code === undefined || !NO_HARD_LINKS.has(code)) throw error;
    // No hard links here: the narrow window between the check and the rename is unavoidable.
    if (await exists(target)) return false;
    await rename(temp, target);
    return true;
  }
  await unlink(temp);
  return true;
}

async function syncDirectory(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch (error) {
    // Some platforms and file systems cannot fsync a directory; the data itself is synced.
    const code = errorCode(error);
    if (code !== "EISDIR" && code !== "EINVAL" && code !== "EPERM" && code !== "EBADF") throw error;
  } finally {
    await handle?.close();
  }
}

async function deliverOne(dir: string, file: DeliveryFile): Promise<string> {
  let temp: string | undefined;
  try {
    for (let n = 1; n <= MAX_SUFFIX; n++) {
      const target = path.join(dir, numberedName(file.name, n));
      const existing = await compareExisting(target, file.content);
      if (existing === "identical") return target;
      if (existing === "different") continue;
      temp ??= await writeTemp(dir, file.content);
      if (await placeWithoutOverwrite(temp, target)) {
        temp = undefined;
        await syncDirectory(dir);
        return target;
      }
      // Another writer took this name in the meantime: maybe with these very bytes.
      if ((await compareExisting(target, file.content)) === "identical") return target;
    }
    throw new Error(
      `Kan ${JSON.stringify(file.name)} niet in de leveringsmap ${dir} zetten: er bestaan al ${MAX_SUFFIX} andere versies met die naam.`,
    );
  } finally {
    if (temp !== undefined) await rm(temp, { force: true });
  }
}

/**
 * Writes files into `root/relativeDir` (directories are created, the root itself must exist).
 * Returns, per file in order, the path it is available under: its own name, or a numbered
 * variant when a different file already had that name. Names are all checked before anything
 * is written.
 */
export async function deliverToFolder(
  root: string,
  relativeDir: string,
  files: DeliveryFile[],
): Promise<string[]> {
  checkRelativeDir(relativeDir);
  for (const file of files) checkFileName(file.name);

  const rootPath = path.resolve(root);
  let rootReal: string;
  try {
    rootReal = await realpath(rootPath);
    if (!(await stat(rootReal)).isDirectory())
      throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
  } catch (error) {
    throw new Error(`De leveringsmap ${rootPath} bestaat niet of is geen map.`, { cause: error });
  }

  const dir = path.resolve(rootPath, relativeDir);
  if (!isInside(rootPath, dir)) {
    throw new Error(
      `Ongeldige map ${JSON.stringify(relativeDir)}: die ligt buiten de leveringsmap ${rootPath}.`,
    );
  }
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  // A symbolic link inside the root must not lead the delivery elsewhere.
  if (!isInside(rootReal, await realpath(dir))) {
    throw new Error(
      `Ongeldige map ${JSON.stringify(relativeDir)}: die verwijst (via een koppeling) naar buiten de leveringsmap ${rootPath}.`,
    );
  }

  const written: string[] = [];
  for (const file of files) written.push(await deliverOne(dir, file));
  return written;
}
