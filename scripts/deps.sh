#!/usr/bin/env bash
# Installs the Debian packages the service and its tests need, only those that are missing.
# Sourced by run.sh, test.sh and bench.sh; safe to run again.
set -euo pipefail

kyso_need_packages() {
  local missing=()
  # Maven itself comes through ./mvnw (the version in .mvn/wrapper), which needs curl and unzip once.
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  command -v softhsm2-util >/dev/null 2>&1 || missing+=(softhsm2)
  command -v pkcs11-tool >/dev/null 2>&1 || missing+=(opensc)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  [ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation2)
  # Browser tests of the public pages run in real headless Chromium through its driver.
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  # Conversion to PDF/A: LibreOffice headless (Writer for text, Calc for sheets, Draw to import PDFs),
  # Tesseract with Vietnamese data for OCR of scans, DejaVu as a second font with Vietnamese glyphs.
  [ -x /usr/lib/libreoffice/program/soffice ] || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
  [ -f /usr/lib/libreoffice/program/libsdlo.so ] || missing+=(libreoffice-draw-nogui)
  command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
  [ -n "$(find /usr/share -path '*tessdata/vie.traineddata' -print -quit 2>/dev/null)" ] || missing+=(tesseract-ocr-vie)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  # The archive catalogue: a private PostgreSQL server started from Debian's binaries (run as the
  # postgres user when we are root); S3Mock, the tests' S3 server, comes from Maven Central.
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  # Independent checkers the tests run on every signature the service makes: poppler's pdfsig with an
  # NSS database of the demo roots (certutil), xmlsec1, qpdf, and Node.js for the npm jose and
  # xml-crypto libraries (installed into var/tools/node by scripts/node-tools.sh).
  command -v certutil >/dev/null 2>&1 || missing+=(libnss3-tools)
  command -v xmlsec1 >/dev/null 2>&1 || missing+=(xmlsec1)
  command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  # The reference S3 server of the archive tests: Ceph's monitor, OSD (memstore) and RADOS Gateway,
  # started as the current user by scripts/ceph-rgw.sh.
  command -v ceph-mon >/dev/null 2>&1 || missing+=(ceph-mon)
  command -v ceph-osd >/dev/null 2>&1 || missing+=(ceph-osd)
  command -v radosgw >/dev/null 2>&1 || missing+=(radosgw)
  # kubectl renders the Kubernetes manifests of deploy/k8s in DeploymentManifestsTest (kubectl kustomize;
  # Debian's 1.20 carries kustomize 2.0, which the manifests are written for). Any kubectl on the PATH will do.
  command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "Installing Debian packages: ${missing[*]}" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "Need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

kyso_need_packages
# The npm checkers of the XML and JOSE signature tests (xml-crypto, jose), pinned, into var/tools/node.
bash "$(dirname "${BASH_SOURCE[0]}")/node-tools.sh"
