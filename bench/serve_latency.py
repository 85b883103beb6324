#!/usr/bin/env python3
"""Edit-to-reload latency of `sitrep serve`: the time from writing a briefing to
the reload event reaching a connected page (server-sent events over a socket).

usage: serve_latency.py SITREP_BINARY SITE_DIR [EDITS]   (default 20 edits)
Also prints the server's peak memory (VmHWM) after the edits.

The site is copied to a temporary folder first (the original is never
edited). Each edit rewrites the oldest briefing's title, waits for the
`reload` event, then checks that the briefing's page shows the new title.
Prints every latency and the median, in milliseconds; exit 1 if an edit
produced no reload within 10 s or a page was stale.
"""
import os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, queue, re, urllib.request


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, site = sys.argv[1], sys.argv[2]
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    tmp = tempfile.mkdtemp(prefix="sitrep-latency-")
    root = os.path.join(tmp, "site")
    shutil.copytree(site, root, ignore=shutil.ignore_patterns("output", "target", ".git"))
    # Originals only: a translation (`x.fr.md`) is not the briefing's file.
    briefings = sorted(
        os.path.join(d, f)
        for d, _, fs in os.walk(os.path.join(root, "content", "briefings"))
        for f in fs
        if f.endswith(".md") and not re.search(r"\.[a-z]{2,3}\.md$", f)
    )
    target = briefings[0]
    original = open(target, encoding="utf-8").read()
    title = re.search(r"^title: (.*)$", original, re.M).group(1).strip().strip('"')
    proc = subprocess.Popen([binary, "serve", "--port", "0", "--root", root], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        started = time.perf_counter()
        line = proc.stdout.readline()
        ready = time.perf_counter() - started
        addr = re.search(r"http://([^/]+)/", line).group(1)
        host, port = addr.rsplit(":", 1)
        threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
        events = queue.Queue()

        def listen():
            s = socket.create_connection((host, int(port)))
            s.sendall(f"GET /__sitrep/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n".encode())
            f = s.makefile("r", encoding="utf-8", newline="\n")
            name = None
            for raw in f:
                raw = raw.rstrip("\r\n")
                if raw.startswith("event: "):
                    name = raw[7:]
                elif raw.startswith("data: "):
                    events.put((time.perf_counter(), name))

        threading.Thread(target=listen, daemon=True).start()
        assert events.get(timeout=10)[1] == "hello"
        slug = re.search(r"^slug: (.*)$", original, re.M)
        # A briefing that is a folder with its pictures (`x/index.md`) is named by its folder.
        name = os.path.basename(os.path.dirname(target)) if os.path.basename(target) == "index.md" else os.path.basename(target)[:-3]
        slug = slug.group(1).strip() if slug else name
        latencies = []
        for i in range(edits):
            new_title = f"{title} (edit {i})"
            text = original.replace(title, new_title, 1)
            tmpfile = target + ".tmp~"
            with open(tmpfile, "w", encoding="utf-8") as fh:
                fh.write(text)
            t0 = time.perf_counter()
            os.replace(tmpfile, target)
            while True:
                at, name = events.get(timeout=10)
                if name == "reload":
                    break
            latencies.append((at - t0) * 1000)
            page = urllib.request.urlopen(f"http://{addr}/briefings/{slug}/").read().decode()
            if new_title.replace("&", "&amp;") not in page:
                print(f"edit {i}: the page is stale", file=sys.stderr)
                return 1
            time.sleep(0.2)
        peak_kb = 0
        try:
            with open(f"/proc/{proc.pid}/status") as st:
                for line in st:
                    if line.startswith("VmHWM:"):
                        peak_kb = int(line.split()[1])
        except OSError:
            pass
        for i, ms in enumerate(latencies):
            print(f"edit {i:2d}: {ms:7.1f} ms")
        print(f"serve peak memory: {peak_kb / 1024:.0f} MiB")
        print(f"ready after {ready * 1000:.0f} ms; median {statistics.median(latencies):.1f} ms, "
              f"min {min(latencies):.1f}, max {max(latencies):.1f} over {len(latencies)} edits")
        return 0
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
