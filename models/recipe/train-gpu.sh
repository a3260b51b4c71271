#!/usr/bin/env bash
# Train on a borrowed CUDA machine and hand the weights back in small files.
#
#   bash models/recipe/train-gpu.sh DATA_DIR OUT_DIR MINUTES [train.py options...]
#
# DATA_DIR holds tokenize.ts's files, each one optionally xz-compressed (NAME.xz): token
# streams of templated apps shrink about tenfold, and the trip to the machine is size-limited.
# Training runs for MINUTES, from scratch, or from DATA_DIR/init when it holds weights
# (shards.py split --int8); every minute, and at the end, the checkpoint's
# weights go to OUT_DIR/weights as float16 shards (shards.py) with the training log beside
# them, so a run cut off early still leaves its last checkpoint. Back here:
#   python3 models/recipe/shards.py join --dir OUT_DIR/weights --ckpt models/recipe/ckpt/last.pt
set -euo pipefail
data=$1 out=$2 minutes=$3
shift 3
python=${PYTHON:-python3}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
mkdir -p "$work/data" "$out/weights"

for f in "$data"/*; do
  case $f in
    "$data/init") "$python" "$here/shards.py" join --dir "$f" --ckpt "$work/ckpt/last.pt" ;;
    *.xz) "$python" -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$f" "$work/data/$(basename "${f%.xz}")" ;;
    *) cp "$f" "$work/data/" ;;
  esac
done

snapshot() {
  [ -f "$work/ckpt/last.pt" ] || return 0
  "$python" "$here/shards.py" split --ckpt "$work/ckpt/last.pt" --dir "$out/weights"
  cp "$work/ckpt/train.log.jsonl" "$out/"
}
(while sleep 60; do snapshot || true; done) &
loop=$!
"$python" "$here/train.py" --data "$work/data" --out "$work/ckpt" --minutes "$minutes" --steps 1000000 "$@"
kill "$loop"
wait "$loop" 2>/dev/null || true
snapshot
rm -f "$out"/weights/*.tmp.npz
