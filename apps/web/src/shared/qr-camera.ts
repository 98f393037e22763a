import jsQR from 'jsqr';

/**
 * Why the camera cannot be used here, in Chinese, ending with `fallback` (what to do instead,
 * e.g. 手工输入代表证号); null when it can be tried.
 */
export function cameraUnavailable(fallback: string): string | null {
  if (!window.isSecureContext)
    return `浏览器只在 HTTPS（或本机 localhost）页面上允许使用摄像头：请通过 HTTPS 地址打开本页，或${fallback}。`;
  if (!navigator.mediaDevices?.getUserMedia) return `此浏览器不支持摄像头，请${fallback}。`;
  return null;
}

/**
 * Opens the back camera into `video` and reads QR codes from it a few times a second with jsQR
 * (on a frame scaled down to 480 px across: enough for a card or slip held in front of a phone
 * or tablet). Returns
 * the function that stops the camera.
 */
export async function startQrCamera(
  video: HTMLVideoElement,
  onText: (text: string) => void,
): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
    audio: false,
  });
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play();
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  let stopped = false;
  const timer = window.setInterval(() => {
    if (stopped || video.readyState < 2 || !video.videoWidth) return;
    const scale = Math.min(1, 480 / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
    if (found?.data) onText(found.data);
  }, 200);
  return () => {
    stopped = true;
    window.clearInterval(timer);
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
}
