/**
 * Hand-written PDF files for the cases a printer cannot make here: a scan (a page that is only
 * an image, no text layer) and an encrypted file that needs a password (standard security
 * handler, revision 2, whose user password is not empty). Test-only; returns bytes.
 */

/** A PDF of `objects` (numbered from 1) with a correct cross-reference table. */
function pdf(objects: readonly string[], trailerExtra = ''): Uint8Array {
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(body, (c) => c.charCodeAt(0));
}

const IMAGE_PAGE = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>',
  '<< /Length 33 >>\nstream\nq 500 0 0 700 50 50 cm /Im1 Do Q\nendstream',
  '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00ff\u00ff\u0000\nendstream',
];

/** A one-page PDF whose page is a picture (like a scanned article): no text layer. */
export function scanLikePdf(): Uint8Array {
  return pdf(IMAGE_PAGE);
}

/** A PDF encrypted with a user password (the key check fails for the empty password, so a reader must ask). */
export function passwordPdf(): Uint8Array {
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  return pdf(
    [...IMAGE_PAGE, `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex32(11)}> /U <${hex32(29)}> /P -3904 >>`],
    `/Encrypt 6 0 R /ID [<${hex32(3).slice(0, 32)}> <${hex32(3).slice(0, 32)}>]`,
  );
}
