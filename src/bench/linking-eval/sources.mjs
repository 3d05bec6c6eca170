// Where the public corpora come from: a repository, the commit the converters were written
// against, and its licence. The data is never committed here; it is read from a local copy of
// the repository (a bare snapshot under $EVAL_MIRROR, default /work/.mirror/OWNER+NAME/repo, or
// a clone under $EVAL_REPOS as OWNER+NAME or NAME), at the pinned commit.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from './lib.mjs';

export const SOURCES = {
  'polkadot-js/phishing': {
    commit: 'f35b682cca80e6a406da6acf298957e4f283a322',
    licence: 'Apache-2.0 (LICENSE, package.json)',
  },
  'CryptoScamDB/blacklist': {
    commit: '2208d2e99a2395242d10e068537a3429397f45d0',
    licence: 'none stated (no LICENSE file, no licence field in package.json): read for local measurement only, never redistributed',
  },
  'neonprimetime/PhishingKitTracker': {
    commit: 'fa54326adeb932f184ad777e9ab23ac5345da143',
    licence: 'none stated (no LICENSE file; ReadMe.txt invites use of the data): read for local measurement only, never redistributed',
  },
  'ChangMianRen/Telecom_Fraud_Texts_5': {
    commit: '9526a1ee14a800045ee349156f667b6b9cfd9921',
    licence:
      'GPL-3.0 (LICENSE); README restricts the data to research use by universities and research institutes, no commercial use, cite Li, Zhang & Jiang, Appl. Sci. 2024, 14, 11628',
  },
};

function gitDir(repo) {
  const [owner, name] = repo.split('/');
  const mirror = process.env.EVAL_MIRROR ?? '/work/.mirror';
  const repos = process.env.EVAL_REPOS;
  const candidates = [path.join(mirror, `${owner}+${name}`, 'repo')];
  if (repos) candidates.push(path.join(repos, `${owner}+${name}`), path.join(repos, name));
  for (const dir of candidates) if (fs.existsSync(dir)) return dir;
  throw new Error(
    `no local copy of ${repo}: looked in ${candidates.join(', ')} ` +
      `(clone https://github.com/${repo} into $EVAL_REPOS, or set $EVAL_MIRROR)`,
  );
}

const git = (dir, args, opts = {}) => execFileSync('git', ['-C', dir, ...args], { maxBuffer: 1 << 30, ...opts });

/**
 * Opens a repository at its pinned commit. With anyCommit, a copy lacking that commit is read
 * at its HEAD instead (the manifest then records which commit was read).
 */
export function openSource(repo, { anyCommit = false } = {}) {
  const pinned = SOURCES[repo];
  if (!pinned) throw new Error(`unknown source ${repo}`);
  const dir = gitDir(repo);
  let commit = pinned.commit;
  try {
    git(dir, ['cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' });
  } catch {
    if (!anyCommit) throw new Error(`${dir} lacks commit ${commit} of ${repo} (pass --any-commit to read its HEAD)`);
    commit = git(dir, ['rev-parse', 'HEAD']).toString().trim();
  }
  const files = {};
  return {
    repo,
    commit,
    licence: pinned.licence,
    /** the file at `file` in that commit, as a Buffer */
    read(file) {
      const data = git(dir, ['show', `${commit}:${file}`]);
      files[file] = sha256(data);
      return data;
    },
    /** the paths in that commit under `prefix` */
    list(prefix = '') {
      return git(dir, ['ls-tree', '-r', '--name-only', commit, ...(prefix ? ['--', prefix] : [])])
        .toString()
        .split('\n')
        .filter(Boolean);
    },
    /** what was read, for the manifest: repository, commit, licence, sha256 of each file */
    provenance() {
      return { repo, commit, licence: pinned.licence, files: { ...files } };
    },
  };
}
