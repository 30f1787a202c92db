#!/usr/bin/env bash
# Builds the three service images as tarballs with Jib, without a Docker daemon or a registry,
# on a stand-in base image made here (one layer with an /etc/os-release and an empty JRE
# directory: enough for Jib to layer the application on, not to run it), then prints each
# image's user, entrypoint, ports, environment and layers.
#
# Where a registry is reachable, build and push for real instead:
#   mvn -B -Pimages -pl ranker-service -am package jib:build -DskipTests -Dimage=REGISTRY/seqrec-ranker:TAG
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
python3 - "$work/base.tar" <<'PY'
import hashlib, io, json, sys, tarfile
def add(tar, name, data):
    info = tarfile.TarInfo(name); info.size = len(data); info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w") as t:
    add(t, "etc/os-release", b'NAME="seqrec stand-in base"\n')
    d = tarfile.TarInfo("opt/java/openjdk/bin"); d.type = tarfile.DIRTYPE; d.mode = 0o755; t.addfile(d)
layer_bytes = layer.getvalue()
diff_id = "sha256:" + hashlib.sha256(layer_bytes).hexdigest()
config = json.dumps({"architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/opt/java/openjdk/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java/openjdk"]},
    "rootfs": {"type": "layers", "diff_ids": [diff_id]}}).encode()
with tarfile.open(sys.argv[1], "w") as out:
    add(out, "config.json", config)
    add(out, "layer.tar", layer_bytes)
    add(out, "manifest.json", json.dumps([{"Config": "config.json", "RepoTags": ["seqrec/base:test"],
        "Layers": ["layer.tar"]}]).encode())
PY
mvn -B -ntp -q -Pimages -pl ingest-service,trainer-service,ranker-service -am package jib:buildTar \
  -DskipTests -Dcheckstyle.skip -Dspring-javaformat.skip -Djacoco.skip \
  -Djib.from.image="tar://$work/base.tar"
for service in ingest-service trainer-service ranker-service; do
  python3 - "$service/target/jib-image.tar" <<'PY'
import json, sys, tarfile
with tarfile.open(sys.argv[1]) as t:
    manifest = json.load(t.extractfile("manifest.json"))[0]
    config = json.load(t.extractfile(manifest["Config"]))
    c = config["config"]
    print(sys.argv[1])
    print("  tags:", manifest["RepoTags"])
    print("  user:", c.get("User"), " ports:", list(c.get("ExposedPorts", {})))
    print("  entrypoint:", " ".join(c.get("Entrypoint", [])))
    print("  env:", [e for e in c.get("Env", []) if not e.startswith("PATH=")])
    print("  layers:", len(manifest["Layers"]), [h.get("comment", "") for h in config.get("history", []) if not h.get("empty_layer")][1:])
PY
done
rm -rf "$work"
