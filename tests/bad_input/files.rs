//! File system problems: unreadable files and directories, symbolic link
//! loops, pipes, broken links, clashing ids, unwritable output.

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use super::{Case, fixture, permissions_are_enforced};

fn shown(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn unreadable_file() {
    let c = Case::new();
    if permissions_are_enforced(c.tmp.path()) {
        let p = c.add("locked.txt", &fixture("article.txt"));
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
        c.build(&[])
            .expect(1, &[&shown(&p), "Permission denied", "skipped"]);
        c.assert_good_processed();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    } else {
        eprintln!(
            "unreadable_file: permission bits do not stop this user (root) from reading; \
             provoking a read error with /proc/self/mem instead"
        );
    }
    // Reading /proc/self/mem from offset 0 fails with EIO for every user.
    let c = Case::new();
    let p = c.input.join("mem.txt");
    symlink("/proc/self/mem", &p).unwrap();
    c.build(&[])
        .expect(1, &[&shown(&p), "Input/output error", "skipped"]);
    c.assert_good_processed();
}

#[test]
fn unreadable_directory() {
    let c = Case::new();
    if !permissions_are_enforced(c.tmp.path()) {
        eprintln!(
            "unreadable_directory: skipped: permission bits do not stop this user (root) from \
             reading a directory, and no other way provokes it"
        );
        return;
    }
    let sub = c.input.join("locked");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("a.txt"), fixture("article.txt")).unwrap();
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o000)).unwrap();
    let run = c.build(&[]);
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o700)).unwrap();
    run.expect(1, &[&shown(&sub), "Permission denied", "skipped"]);
    c.assert_good_processed();
}

#[test]
fn symlink_loop_in_the_input_directory() {
    let c = Case::new();
    let file_loop = c.input.join("loop.txt");
    symlink("loop.txt", &file_loop).unwrap();
    let dir_loop = c.input.join("again");
    symlink(".", &dir_loop).unwrap();
    c.build(&[]).expect(
        1,
        &[
            &format!(
                "{}: a symbolic link loop (Too many levels of symbolic links",
                shown(&file_loop)
            ),
            &format!(
                "{}: directory already visited (a symbolic link loop",
                shown(&dir_loop)
            ),
        ],
    );
    c.assert_good_processed();
    // good.txt was read once, not once per way to reach it.
    let articles = super::read_rows(&c.out.join("articles.csv"));
    assert_eq!(articles.len(), 1, "{articles:?}");
}

#[test]
fn symlink_loop_given_on_the_command_line() {
    let c = Case::new();
    let lp = c.tmp.path().join("loop.txt");
    symlink(&lp, &lp).unwrap();
    c.build_paths(&[&lp, &c.input], &[])
        .expect(1, &[&shown(&lp), "a symbolic link loop", "skipped"]);
    c.assert_good_processed();
}

#[test]
fn named_pipe_does_not_hang_the_build() {
    let c = Case::new();
    let p = c.input.join("pipe.txt");
    let c_path = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0, "mkfifo");
    c.build(&[]).expect(
        1,
        &[
            &shown(&p),
            "not a regular file (a directory, pipe, socket or device)",
        ],
    );
    c.assert_good_processed();
}

#[test]
fn broken_symlink() {
    let c = Case::new();
    let p = c.input.join("gone.txt");
    symlink("deleted-article.txt", &p).unwrap();
    // A broken link that is not an article is not reported.
    symlink("deleted.jpg", c.input.join("gone.jpg")).unwrap();
    let run = c.build(&[]);
    run.expect(1, &[&format!("{}: a broken symbolic link", shown(&p))]);
    assert!(!run.stderr.contains("gone.jpg"), "{}", run.stderr);
    c.assert_good_processed();
}

#[test]
fn same_article_id_in_two_directories() {
    let c = Case::new();
    let sub = c.input.join("more");
    std::fs::create_dir(&sub).unwrap();
    let dup = sub.join("good.txt");
    std::fs::write(&dup, fixture("article.txt")).unwrap();
    c.build(&[]).expect(
        1,
        &[&format!(
            "{}: article id `good` is already used by another file; skipped",
            shown(&dup)
        )],
    );
    // The first by path (in/good.txt, the seed) wins.
    c.assert_good_processed();
}

#[test]
fn nonexistent_input_fails_before_writing() {
    let c = Case::new();
    c.build(&[]).expect(0, &[]);
    let before = c.snapshot();
    let missing = c.tmp.path().join("no-such-dir");
    c.build_paths(&[&c.input, &missing], &[]).expect(
        2,
        &[&format!("{}: no such file or directory", shown(&missing))],
    );
    assert_eq!(c.snapshot(), before);
}

/// A build into `out` fails with exit 2 and the message, after reading the
/// articles, without leaving anything behind.
fn unwritable(c: &Case, out: &Path, fragments: &[&str]) {
    let o = super::common::kg()
        .arg("build")
        .arg(&c.input)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    let run = super::Run {
        code: o.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    };
    run.expect(2, fragments);
    assert!(!out.exists());
}

#[test]
fn output_under_a_regular_file() {
    let c = Case::new();
    let file = c.tmp.path().join("plain-file");
    std::fs::write(&file, "x").unwrap();
    let out = file.join("exports");
    unwritable(
        &c,
        &out,
        &[
            &shown(&file),
            "the parent of the output directory is not a directory",
        ],
    );
}

#[test]
fn output_in_a_directory_nobody_may_write() {
    // /proc refuses new entries even to root.
    let c = Case::new();
    unwritable(
        &c,
        Path::new("/proc/kg-exports"),
        &[
            "/proc: cannot write the output here",
            "choose another directory with --out",
        ],
    );
    if permissions_are_enforced(c.tmp.path()) {
        let ro = c.tmp.path().join("read-only");
        std::fs::create_dir(&ro).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        let out = ro.join("exports");
        unwritable(
            &c,
            &out,
            &[
                &shown(&ro),
                "cannot write the output here",
                "Permission denied",
            ],
        );
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    } else {
        eprintln!(
            "output_in_a_directory_nobody_may_write: the chmod 555 variant is skipped: \
             permission bits do not stop this user (root) from writing"
        );
    }
}

#[test]
fn output_directory_with_other_files_is_not_replaced() {
    // kg replaces its output directory whole: it must never take a
    // directory that holds anything but a previous output.
    let c = Case::new();
    std::fs::create_dir(&c.out).unwrap();
    let mine = c.out.join("my-notes.txt");
    std::fs::write(&mine, "keep me").unwrap();
    c.build(&[]).expect(
        2,
        &[
            &shown(&c.out),
            "is not a previous kg output (it has no kg.json)",
            "choose a new or empty directory",
        ],
    );
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "keep me");
    assert_eq!(std::fs::read_dir(&c.out).unwrap().count(), 1);
}

#[test]
fn hidden_files_are_skipped_and_extensions_read_in_any_case() {
    // A macOS resource fork beside an article is binary; it is not an article.
    let c = Case::new();
    c.add("._good.txt", b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X");
    std::fs::create_dir(c.input.join(".git")).unwrap();
    c.add(".git/notes.txt", &fixture("article.txt"));
    c.add("UPPER.TXT", &fixture("article.txt"));
    let run = c.build(&[]);
    run.expect(0, &[]);
    assert!(!run.stderr.contains("._good"), "{}", run.stderr);
    c.assert_good_processed();
    assert!(!c.events_of("UPPER").is_empty());
    assert!(c.events_of("notes").is_empty());
}
