import { Fragment } from 'react'

/**
 * Text with line-break opportunities where a reader expects them: after a slash ("Beringen/Ham/
 * Tessenderlo") and before the @ of an e-mail address. Words themselves are never cut.
 */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=\/)|(?=@)/)
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  )
}
