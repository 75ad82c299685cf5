import { describe, expect, it } from 'vitest'
import { decodePhoto, PHOTO_MAX_BYTES } from './photo.ts'

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 ')])
const b64 = (b: Buffer) => b.toString('base64')

describe('briefing photos', () => {
  it('accepts JPEG, PNG and WebP whose bytes match the claimed type', () => {
    expect(decodePhoto({ type: 'image/png', base64: b64(png) })?.equals(png)).toBe(true)
    expect(decodePhoto({ type: 'image/jpeg', base64: b64(jpeg) })).not.toBeNull()
    expect(decodePhoto({ type: 'image/webp', base64: b64(webp) })).not.toBeNull()
  })
  it('refuses a type the bytes do not match, text, broken base64 and more than 2 MiB', () => {
    expect(decodePhoto({ type: 'image/jpeg', base64: b64(png) })).toBeNull()
    expect(decodePhoto({ type: 'image/png', base64: b64(Buffer.from('<svg></svg>')) })).toBeNull()
    expect(decodePhoto({ type: 'image/png', base64: 'not base64!' })).toBeNull()
    const big = Buffer.concat([png, Buffer.alloc(PHOTO_MAX_BYTES)])
    expect(decodePhoto({ type: 'image/png', base64: b64(big) })).toBeNull()
    const justFits = Buffer.concat([png, Buffer.alloc(PHOTO_MAX_BYTES - png.length)])
    expect(decodePhoto({ type: 'image/png', base64: b64(justFits) })).not.toBeNull()
  })
})
