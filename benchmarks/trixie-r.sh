#!/bin/sh
# Today's R in a Debian 13 (trixie) chroot, to check the reference values (made with Debian 12's R 4.2.2) and to
# time R against the Java code:
#   benchmarks/trixie-r.sh [CHROOT]                  build or update the chroot, then print the versions it gives
#   benchmarks/trixie-r.sh run DIR SCRIPT.R [ARGS]   Rscript SCRIPT.R ARGS in the chroot, in the script's folder
# CHROOT is /work/trixie unless given, here or in TRIXIE_DIR. 'run' bind-mounts DIR (a host folder, with SCRIPT.R a
# path inside it) at the same path in the chroot, with /proc and /dev, in a mount namespace of its own (so several
# runs can share the chroot, and nothing stays mounted); the script's standard output is the command's, and what
# it writes lands in DIR. Building takes about 3 minutes (debootstrap, then R and its packages: 700 MB on disk);
# running it again only brings the packages up to date. Needs root. It gave R 4.5.0, metafor 4.8.0, metadat 1.2.0,
# survey 4.4.2, lme4 1.1.37 and clubSandwich 0.5.11 (it prints them at the end).
set -eu
packages="r-base-core r-cran-metafor r-cran-metadat r-cran-survey r-cran-lme4"
if [ "${1:-}" = run ]; then
  [ $# -ge 3 ] || { echo "usage: $0 run DIR SCRIPT.R [ARGS]" >&2; exit 2; }
  root=${TRIXIE_DIR:-/work/trixie}
  dir=$(cd "$2" && pwd)
  where=$(dirname "$dir/$3")
  script=$(basename "$3")
  shift 3
  exec unshare --mount --propagation private sh -euc '
    root=$1 dir=$2 where=$3
    shift 3
    mkdir -p "$root$dir"
    mount --bind "$dir" "$root$dir"
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    exec chroot "$root" env LANG=C.UTF-8 HOME=/root sh -c "cd \"\$0\" && exec Rscript \"\$@\"" "$where" "$@"' \
      sh "$root" "$dir" "$where" "$script" "$@"
fi
root=${1:-${TRIXIE_DIR:-/work/trixie}}
command -v debootstrap >/dev/null || { apt-get update -q && apt-get install -y -q debootstrap; }
[ -x "$root/usr/bin/apt-get" ] || debootstrap --variant=minbase trixie "$root" http://deb.debian.org/debian
in_chroot() { unshare --mount --propagation private sh -c 'mount -t proc proc "$0/proc" && exec chroot "$0" "$@"' \
    "$root" env LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
in_chroot apt-get update -q
# clubSandwich (CR2 standard errors in metafor-robust.R) is packaged in trixie; add it when the archive has it.
if in_chroot apt-cache show r-cran-clubsandwich >/dev/null 2>&1; then packages="$packages r-cran-clubsandwich"; fi
in_chroot apt-get install -y -q --no-install-recommends $packages
in_chroot Rscript -e 'cat(R.version.string, "\n")
  for (p in c("metafor", "metadat", "survey", "lme4", "clubSandwich"))
    cat(p, tryCatch(format(packageVersion(p)), error = function(e) "not installed"), "\n")'
