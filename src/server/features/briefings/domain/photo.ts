// A briefing item's photo (issue 11), pure: base64 of a JPEG, PNG or WebP image of at most 2 MiB, whose first
// bytes are those of the type it claims (a renamed file or another format is refused).
import type { PhotoType } from '../../../platform/enums.ts'

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

const MAGIC: Record<PhotoType, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
}

/** The photo's bytes, or null when it is not a valid image of its type within the size. */
export function decodePhoto(photo: { type: PhotoType; base64: string }): Buffer | null {
  const text = photo.base64.replace(/\s+/g, '')
  if (text.length === 0 || text.length % 4 !== 0 || !BASE64.test(text)) return null
  const bytes = Buffer.from(text, 'base64')
  if (bytes.length === 0 || bytes.length > PHOTO_MAX_BYTES) return null
  return MAGIC[photo.type](bytes) ? bytes : null
}
