#!/usr/bin/env python3
"""Runs one test suite and writes its wall and CPU seconds to a file (build.sh uses it).

Usage: suite_time.py TIME_FILE CMD [ARG...]   -> TIME_FILE holds "WALL CPU"; exits as CMD did.

CPU is user+sys of every process the suite started, including those it left behind:
browsers and servers that outlive their parent are re-parented to us (we are a child
subreaper), reaped, and so counted. Anything still running 10 s after the suite
ended is stopped; a suite must not leave work running into the next one.
"""
import ctypes
import os
import resource
import signal
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def children_of(pid):
    found = []
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def reap_all(deadline):
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if time.monotonic() > deadline:
                for child in children_of(os.getpid()):
                    try:
                        os.kill(child, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                deadline = float('inf')
            time.sleep(0.05)


def main():
    out, cmd = sys.argv[1], sys.argv[2:]
    ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    start = time.monotonic()
    rc = subprocess.call(cmd)
    wall = time.monotonic() - start
    reap_all(time.monotonic() + 10)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out, 'w') as f:
        f.write(f'{wall:.1f} {usage.ru_utime + usage.ru_stime:.1f}\n')
    sys.exit(rc)


if __name__ == '__main__':
    main()
