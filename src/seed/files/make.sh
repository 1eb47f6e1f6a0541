#!/bin/sh
# Remakes the demo files in this folder from source/ with LibreOffice
# (Debian: apt-get install --no-install-recommends libreoffice-writer-nogui
# libreoffice-calc-nogui libreoffice-impress-nogui). Run from anywhere; the
# outputs are committed, so the seed never needs LibreOffice.
set -eu
cd "$(dirname "$0")"
out=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$out" "$profile"' EXIT
soffice() {
  command soffice -env:UserInstallation="file://$profile" --headless --norestore "$@" --outdir "$out" >/dev/null
}
soffice --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" source/giao-an-gdcd-8-binh-dang-gioi-trong-gia-dinh.html
soffice --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export source/tu-lieu-ngu-van-9-nguoi-phu-nu-trong-truyen-kieu.html
soffice --infilter="HTML (StarWriter)" --convert-to odt:writer8 source/worksheet-tieng-anh-8-sharing-housework.html
# CSV import: comma, double quote, UTF-8 (76), from line 1.
soffice --infilter="CSV:44,34,76,1" --convert-to xlsx:"Calc MS Excel 2007 XML" source/phieu-hoc-tap-toan-6-thong-ke-theo-gioi.csv
soffice --convert-to pptx:"Impress MS PowerPoint 2007 XML" source/bai-giang-hdtn-7-noi-khong-voi-dinh-kien-gioi.fodp
soffice --convert-to odp:impress8 source/trinh-chieu-khtn-8-tuoi-day-thi.fodp
mv "$out"/* .
ls -l -- *.docx *.pdf *.odt *.xlsx *.pptx *.odp
