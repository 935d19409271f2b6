import { Skeleton } from '@mantine/core';
import { useEffect, useState } from 'react';

const SIZE = 200;

/**
 * `value` as a QR code image. The encoder is loaded when a QR code is first shown (only enrolment
 * needs one), so it adds nothing to the first visit's download.
 */
export function QrCode({ value, alt }: { value: string; alt: string }) {
  const [src, setSrc] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((qr) => qr.toDataURL(value, { width: SIZE, margin: 2, errorCorrectionLevel: 'M' }))
      .then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [value]);
  return src ? (
    <img src={src} alt={alt} width={SIZE} height={SIZE} data-testid="mfa-qr" />
  ) : (
    <Skeleton width={SIZE} height={SIZE} />
  );
}
