//! Atomic output directories: a build writes every file into a temporary
//! directory beside the target and swaps it in only when all are complete,
//! so an interrupted or failed build leaves the previous exports intact.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{KgError, Result};

/// A file that asks the system to start writing each few megabytes to disk
/// as soon as they are written (Linux `sync_file_range`), so that the
/// final `fsync` has little left to wait for: without it the page cache
/// holds gigabytes of exports until the end, and the build then waits for
/// the disk with nothing else to do. The range before, whose writeback was
/// started one step earlier, is then waited for and dropped from the page
/// cache (`posix_fadvise`): tens of gigabytes of exports (10000×) would
/// otherwise fill memory, and the kernel reclaim pages on the build's time.
struct EarlyWriteback {
    file: File,
    /// Bytes written, the offset up to which writeback was started, and
    /// the offset up to which pages were written and dropped.
    written: u64,
    started: u64,
    dropped: u64,
}

/// Bytes written between two requests to start writeback.
const WRITEBACK_STEP: u64 = 8 << 20;

impl EarlyWriteback {
    fn new(file: File) -> Self {
        EarlyWriteback {
            file,
            written: 0,
            started: 0,
            dropped: 0,
        }
    }

    #[cfg(target_os = "linux")]
    fn start_writeback(&mut self) {
        use std::os::fd::AsRawFd;
        // A hint: an error (a file system that does not support it) only
        // leaves the work to the final fsync.
        let fd = self.file.as_raw_fd();
        // SAFETY: a valid descriptor and ranges of the file; no memory is passed.
        unsafe {
            if self.started > self.dropped {
                let (from, len) = (
                    self.dropped as libc::off64_t,
                    (self.started - self.dropped) as libc::off64_t,
                );
                libc::sync_file_range(
                    fd,
                    from,
                    len,
                    libc::SYNC_FILE_RANGE_WAIT_BEFORE
                        | libc::SYNC_FILE_RANGE_WRITE
                        | libc::SYNC_FILE_RANGE_WAIT_AFTER,
                );
                libc::posix_fadvise(fd, from, len, libc::POSIX_FADV_DONTNEED);
                self.dropped = self.started;
            }
            libc::sync_file_range(
                fd,
                self.started as libc::off64_t,
                (self.written - self.started) as libc::off64_t,
                libc::SYNC_FILE_RANGE_WRITE,
            );
        }
        self.started = self.written;
    }

    #[cfg(not(target_os = "linux"))]
    fn start_writeback(&mut self) {}
}

impl Write for EarlyWriteback {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        if self.written - self.started >= WRITEBACK_STEP {
            self.start_writeback();
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

pub struct AtomicDir {
    target: PathBuf,
    tmp: PathBuf,
    committed: bool,
}

impl AtomicDir {
    /// Prepares a temporary directory next to `target`.
    pub fn new(target: &Path) -> Result<Self> {
        let tmp = prepare(target, "tmp")?;
        Ok(AtomicDir {
            target: target.to_path_buf(),
            tmp,
            committed: false,
        })
    }

    /// Checks that a temporary directory can be made next to `target`
    /// (creates one and removes it), without starting an output.
    pub fn probe(target: &Path) -> Result<()> {
        let dir = prepare(target, "probe")?;
        std::fs::remove_dir(&dir).map_err(|e| KgError::io(&dir, e))
    }

    /// The temporary directory being written.
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// Writes one file of the output (flushed and synced).
    pub fn write(
        &self,
        name: &str,
        f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let path = self.tmp.join(name);
        let file = File::create(&path).map_err(|e| KgError::io(&path, e))?;
        let mut w = BufWriter::with_capacity(1 << 16, EarlyWriteback::new(file));
        f(&mut w).map_err(|e| KgError::io(&path, e))?;
        let file = w
            .into_inner()
            .map_err(|e| KgError::io(&path, e.into_error()))?;
        file.file.sync_all().map_err(|e| KgError::io(&path, e))?;
        Ok(())
    }

    /// Writes several files of the output with one closure (flushed and synced).
    pub fn write_many(
        &self,
        names: &[&str],
        f: impl FnOnce(Vec<&mut (dyn Write + Send)>) -> Result<()>,
    ) -> Result<()> {
        let mut writers = Vec::with_capacity(names.len());
        for name in names {
            let path = self.tmp.join(name);
            let file = File::create(&path).map_err(|e| KgError::io(&path, e))?;
            writers.push((
                path,
                BufWriter::with_capacity(1 << 16, EarlyWriteback::new(file)),
            ));
        }
        f(writers
            .iter_mut()
            .map(|(_, w)| w as &mut (dyn Write + Send))
            .collect())?;
        for (path, w) in writers {
            let file = w
                .into_inner()
                .map_err(|e| KgError::io(&path, e.into_error()))?;
            file.file.sync_all().map_err(|e| KgError::io(&path, e))?;
        }
        Ok(())
    }

    /// Replaces the target directory with the completed one.
    pub fn commit(mut self) -> Result<()> {
        if self.target.exists() {
            exchange(&self.tmp, &self.target).map_err(|e| KgError::io(&self.target, e))?;
            // `tmp` now holds the previous exports.
            std::fs::remove_dir_all(&self.tmp).map_err(|e| KgError::io(&self.tmp, e))?;
        } else {
            std::fs::rename(&self.tmp, &self.target).map_err(|e| KgError::io(&self.target, e))?;
        }
        self.committed = true;
        // Make the swap itself durable (best effort: not every system can
        // sync a directory).
        if let Some(parent) = self.target.parent().filter(|p| !p.as_os_str().is_empty())
            && let Ok(d) = File::open(parent)
        {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

impl Drop for AtomicDir {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Refuses to replace `target` when it is a directory holding files that
/// are not a previous output: a directory is replaced whole, so `--out ~/`
/// must not delete a home directory. A previous output is recognized by
/// `marker`, a file every output has; an empty directory is fine too.
pub fn check_replaceable(target: &Path, marker: &str) -> Result<()> {
    if !target.is_dir() || target.join(marker).is_file() {
        return Ok(());
    }
    let mut entries = std::fs::read_dir(target).map_err(|e| KgError::io(target, e))?;
    if entries.next().is_none() {
        return Ok(());
    }
    Err(KgError::input(
        target,
        format!(
            "the output directory exists and is not a previous kg output (it has no {marker}); \
             kg replaces the whole directory, so it leaves this one alone: choose a new or \
             empty directory with --out"
        ),
    ))
}

/// Checks the parent of `target`, removes stale temporary directories and
/// creates `.NAME.KIND-PID-NANOS` beside `target`.
fn prepare(target: &Path, kind: &str) -> Result<PathBuf> {
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        let why = if parent.exists() {
            "the parent of the output directory is not a directory"
        } else {
            "the parent of the output directory does not exist"
        };
        return Err(KgError::input(&parent, why));
    }
    if target.exists() && !target.is_dir() {
        return Err(KgError::input(
            target,
            "the output path exists and is not a directory",
        ));
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "exports".into());
    clean_stale(&parent, &name);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let dir = parent.join(format!(".{name}.{kind}-{}-{nanos}", std::process::id()));
    std::fs::create_dir(&dir).map_err(|e| {
        KgError::input(
            &parent,
            format!("cannot write the output here ({e}); choose another directory with --out"),
        )
    })?;
    Ok(dir)
}

/// Swaps two directories atomically (Linux `renameat2(RENAME_EXCHANGE)`),
/// falling back to two renames elsewhere.
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let ca = CString::new(a.as_os_str().as_bytes())?;
        let cb = CString::new(b.as_os_str().as_bytes())?;
        // SAFETY: both pointers are valid NUL-terminated paths for the call.
        let r = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                ca.as_ptr(),
                libc::AT_FDCWD,
                cb.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if r == 0 {
            return Ok(());
        }
        let err = std::io::Error::last_os_error();
        if err.raw_os_error() != Some(libc::EINVAL) && err.raw_os_error() != Some(libc::ENOSYS) {
            return Err(err);
        }
    }
    let old = a.with_extension("old");
    std::fs::rename(b, &old)?;
    std::fs::rename(a, b)?;
    std::fs::rename(&old, a)
}

/// Removes temporary directories left by builds that were killed.
fn clean_stale(parent: &Path, name: &str) {
    let prefixes = [format!(".{name}.tmp-"), format!(".{name}.probe-")];
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let fname = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = prefixes.iter().find_map(|p| fname.strip_prefix(p.as_str())) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let alive = pid
            .is_some_and(|p| p == std::process::id() || Path::new(&format!("/proc/{p}")).exists());
        if !alive {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_outputs_and_empty_directories_are_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out");
        assert!(check_replaceable(&target, "kg.json").is_ok());
        std::fs::create_dir(&target).unwrap();
        assert!(check_replaceable(&target, "kg.json").is_ok());
        std::fs::write(target.join("notes.txt"), "mine").unwrap();
        let e = check_replaceable(&target, "kg.json")
            .unwrap_err()
            .to_string();
        assert!(e.contains("not a previous kg output"), "{e}");
        std::fs::write(target.join("kg.json"), "{}").unwrap();
        assert!(check_replaceable(&target, "kg.json").is_ok());
    }

    #[test]
    fn commit_replaces_and_drop_discards() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out");
        let a = AtomicDir::new(&target).unwrap();
        a.write("x.txt", |w| w.write_all(b"one")).unwrap();
        a.commit().unwrap();
        assert_eq!(
            std::fs::read_to_string(target.join("x.txt")).unwrap(),
            "one"
        );
        let b = AtomicDir::new(&target).unwrap();
        b.write("x.txt", |w| w.write_all(b"two")).unwrap();
        drop(b);
        assert_eq!(
            std::fs::read_to_string(target.join("x.txt")).unwrap(),
            "one"
        );
        let c = AtomicDir::new(&target).unwrap();
        c.write("y.txt", |w| w.write_all(b"three")).unwrap();
        c.commit().unwrap();
        assert!(!target.join("x.txt").exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
