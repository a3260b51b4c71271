#!/usr/bin/env bash
# The whole test suite: what npm cannot install (Debian's Chromium for the browser
# tests and its headless shell for the app checks, Debian's PyTorch for the ONNX
# parity test) is installed first when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromium-headless-shell ] || need+=(chromium-headless-shell)
/usr/bin/python3 -c "import torch, numpy" 2>/dev/null || need+=(python3-torch python3-numpy libopenblas0-pthread)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need these Debian packages: ${need[*]}. Install them (as root: apt-get install ${need[*]}) and run again." >&2
    exit 1
  fi
  echo "Installing ${need[*]} with apt-get..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "== typecheck"
npx tsc --noEmit
echo "== unit and integration tests"
npm run -s test:unit
echo "== build"
npx next build >/dev/null
echo "== browser tests"
npx playwright test
