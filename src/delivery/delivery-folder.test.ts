import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { deliverToFolder } from "./delivery-folder.ts";

let base: string;
let counter = 0;
before(async () => {
  base = await mkdtemp(path.join(tmpdir(), "driehoek-levering-"));
});
after(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A fresh, existing delivery root per test. */
async function freshRoot(): Promise<string> {
  const root = path.join(base, `root-${++counter}`);
  await mkdir(root);
  return root;
}

/** Every entry below dir, relative, sorted ("sub/" for directories). */
async function tree(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      out.push(`${rel}/`, ...(await tree(path.join(dir, entry.name), `${rel}/`)));
    } else {
      out.push(rel);
    }
  }
  return out.sort();
}

const PDF = Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 255]);
const XLSX = Buffer.from("PK\u0003\u0004 xlsx-bytes");

describe("deliverToFolder", () => {
  it("writes files atomically into created directories with mode 0640 and leaves no temp files", async () => {
    const root = await freshRoot();
    const previous = process.umask(0o077); // the mode must not depend on the umask
    let paths: string[];
    try {
      paths = await deliverToFolder(root, "burgemeester/2026-week-47", [
        { name: "veiligheidsbeeld.pdf", content: PDF },
        { name: "cijfers per wijk ë.xlsx", content: XLSX },
        { name: "leeg.csv", content: Buffer.alloc(0) },
      ]);
    } finally {
      process.umask(previous);
    }
    const dir = path.join(root, "burgemeester", "2026-week-47");
    assert.deepEqual(paths, [
      path.join(dir, "veiligheidsbeeld.pdf"),
      path.join(dir, "cijfers per wijk ë.xlsx"),
      path.join(dir, "leeg.csv"),
    ]);
    assert.ok((await readFile(path.join(dir, "veiligheidsbeeld.pdf"))).equals(PDF));
    assert.ok((await readFile(path.join(dir, "cijfers per wijk ë.xlsx"))).equals(XLSX));
    assert.equal((await readFile(path.join(dir, "leeg.csv"))).length, 0);
    for (const p of paths) {
      assert.equal((await stat(p)).mode & 0o777, 0o640, p);
      assert.equal((await stat(p)).nlink, 1, "the temporary link is gone");
    }
    assert.deepEqual(await tree(root), [
      "burgemeester/",
      "burgemeester/2026-week-47/",
      "burgemeester/2026-week-47/cijfers per wijk ë.xlsx",
      "burgemeester/2026-week-47/leeg.csv",
      "burgemeester/2026-week-47/veiligheidsbeeld.pdf",
    ]);
  });

  it("accepts the root itself as target", async () => {
    const root = await freshRoot();
    assert.deepEqual(await deliverToFolder(root, "", [{ name: "a.pdf", content: PDF }]), [
      path.join(root, "a.pdf"),
    ]);
    assert.deepEqual(await deliverToFolder(root, ".", [{ name: "a.pdf", content: PDF }]), [
      path.join(root, "a.pdf"),
    ]);
    assert.deepEqual(await tree(root), ["a.pdf"]);
  });

  it("is a no-op for a repeat with identical bytes", async () => {
    const root = await freshRoot();
    const files = [
      { name: "veiligheidsbeeld.pdf", content: PDF },
      { name: "cijfers.xlsx", content: XLSX },
    ];
    const first = await deliverToFolder(root, "om", files);
    const before = await stat(first[0] as string);
    const second = await deliverToFolder(root, "om", files);
    assert.deepEqual(second, first);
    assert.deepEqual(await tree(root), ["om/", "om/cijfers.xlsx", "om/veiligheidsbeeld.pdf"]);
    assert.equal((await stat(first[0] as string)).ino, before.ino, "the file was not rewritten");
  });

  it("never overwrites different bytes: numbers the new file (2), (3), ...", async () => {
    const root = await freshRoot();
    const v = (n: number) => Buffer.from(`versie ${n}`);
    const one = await deliverToFolder(root, "x", [{ name: "rapport.pdf", content: v(1) }]);
    const two = await deliverToFolder(root, "x", [{ name: "rapport.pdf", content: v(2) }]);
    const three = await deliverToFolder(root, "x", [{ name: "rapport.pdf", content: v(3) }]);
    const dir = path.join(root, "x");
    assert.deepEqual(
      [...one, ...two, ...three],
      [path.join(dir, "rapport.pdf"), path.join(dir, "rapport (2).pdf"), path.join(dir, "rapport (3).pdf")],
    );
    assert.deepEqual(await readFile(path.join(dir, "rapport.pdf")), v(1));
    assert.deepEqual(await readFile(path.join(dir, "rapport (2).pdf")), v(2));
    assert.deepEqual(await readFile(path.join(dir, "rapport (3).pdf")), v(3));
    // Delivering version 2 again finds its numbered copy.
    assert.deepEqual(await deliverToFolder(root, "x", [{ name: "rapport.pdf", content: v(2) }]), two);
    assert.deepEqual(await tree(dir), ["rapport (2).pdf", "rapport (3).pdf", "rapport.pdf"]);
  });

  it("numbers names without an extension, hidden names and duplicates within one call", async () => {
    const root = await freshRoot();
    await writeFile(path.join(root, "LEESMIJ"), "oud");
    await writeFile(path.join(root, ".toelichting"), "oud");
    await mkdir(path.join(root, "data.csv")); // a directory under the name is never overwritten either
    const paths = await deliverToFolder(root, "", [
      { name: "LEESMIJ", content: Buffer.from("nieuw") },
      { name: ".toelichting", content: Buffer.from("nieuw") },
      { name: "data.csv", content: Buffer.from("a;b") },
      { name: "archief.tar.gz", content: Buffer.from("1") },
      { name: "archief.tar.gz", content: Buffer.from("2") },
      { name: "archief.tar.gz", content: Buffer.from("1") },
    ]);
    assert.deepEqual(
      paths.map((p) => path.basename(p)),
      [
        "LEESMIJ (2)",
        ".toelichting (2)",
        "data (2).csv",
        "archief.tar.gz",
        "archief.tar (2).gz",
        "archief.tar.gz",
      ],
    );
    assert.equal(await readFile(path.join(root, "LEESMIJ"), "utf8"), "oud");
    assert.equal(await readFile(path.join(root, "LEESMIJ (2)"), "utf8"), "nieuw");
  });

  it("does not lose a file when two deliveries race for the same name", async () => {
    const root = await freshRoot();
    const contents = Array.from({ length: 8 }, (_, i) => Buffer.from(`gelijktijdig ${i}`));
    const results = await Promise.all(
      contents.map((content) => deliverToFolder(root, "race", [{ name: "beeld.pdf", content }])),
    );
    const paths = results.map((r) => r[0] as string);
    assert.equal(new Set(paths).size, contents.length, "every version got its own name");
    for (const [i, p] of paths.entries()) assert.deepEqual(await readFile(p), contents[i]);
    assert.equal((await tree(path.join(root, "race"))).length, contents.length, "and no temp files remain");

    const same = await Promise.all(
      [1, 2, 3].map(() => deliverToFolder(root, "zelfde", [{ name: "b.pdf", content: PDF }])),
    );
    assert.deepEqual(
      same.map((r) => r[0]),
      [1, 2, 3].map(() => path.join(root, "zelfde", "b.pdf")),
    );
    assert.deepEqual(await tree(path.join(root, "zelfde")), ["b.pdf"]);
  });

  it("refuses directories that escape the root, in Dutch", async () => {
    const root = await freshRoot();
    const file = [{ name: "a.pdf", content: PDF }];
    for (const dir of [
      "..",
      "../buiten",
      "a/../../buiten",
      "a/..",
      "..\\buiten",
      "/etc",
      "\\\\server\\share",
      "C:\\temp",
      "c:temp",
    ]) {
      await assert.rejects(
        deliverToFolder(root, dir, file),
        /^Error: Ongeldige map .*(\.\.|absoluut pad)/,
        dir,
      );
    }
    await assert.rejects(deliverToFolder(root, "a\0b", file), /Ongeldige map .*NUL-teken/);
    await assert.rejects(deliverToFolder(root, "a\nb", file), /Ongeldige map .*stuurteken/);
    assert.deepEqual(await tree(root), []);
    assert.deepEqual(
      (await readdir(base)).filter((n) => n === "buiten"),
      [],
    );
  });

  it("refuses file names that are not a plain name, before writing anything", async () => {
    const root = await freshRoot();
    for (const name of [
      "",
      ".",
      "..",
      "../a.pdf",
      "sub/a.pdf",
      "sub\\a.pdf",
      "/etc/passwd",
      "a\0.pdf",
      "a\r\n.pdf",
      "x".repeat(241),
    ]) {
      await assert.rejects(
        deliverToFolder(root, "doel", [
          { name: "goed.pdf", content: PDF },
          { name, content: PDF },
        ]),
        /^Error: (Ongeldige bestandsnaam|Bestandsnaam .* te lang)/,
        JSON.stringify(name),
      );
    }
    assert.deepEqual(await tree(root), [], "not even the valid file or the directory was written");
  });

  it("refuses a symbolic link that leads out of the root", async () => {
    const root = await freshRoot();
    const outside = path.join(base, `buiten-${counter}`);
    await mkdir(outside);
    await symlink(outside, path.join(root, "koppeling"));
    await assert.rejects(
      deliverToFolder(root, "koppeling/sub", [{ name: "a.pdf", content: PDF }]),
      /buiten de leveringsmap/,
    );
    assert.deepEqual(await tree(outside), ["sub/"], "at most the directory, never a file");
  });

  it("requires the root to exist (a missing share must not become a local folder)", async () => {
    const missing = path.join(base, "bestaat-niet");
    await assert.rejects(
      deliverToFolder(missing, "a", [{ name: "a.pdf", content: PDF }]),
      /De leveringsmap .*bestaat-niet bestaat niet of is geen map/,
    );
    const aFile = path.join(base, "een-bestand");
    await writeFile(aFile, "x");
    await assert.rejects(deliverToFolder(aFile, "", []), /is geen map/);
  });
});
