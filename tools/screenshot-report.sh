#!/bin/sh
# Renders the report in headless Chromium, as a reader's browser would, to check that it looks right:
#   tools/screenshot-report.sh [target/report/index.html] [target/report/screenshot.png]
# Needs Chromium from Debian (apt-get install chromium). Opens the page from disk with no network, as a
# reader would; look at the PNG it writes.
set -eu
page=$(realpath "${1:-target/report/index.html}")
shot=${2:-target/report/screenshot.png}
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,9000 \
    --screenshot="$shot" "file://$page" 2>/dev/null
echo "wrote $shot"
