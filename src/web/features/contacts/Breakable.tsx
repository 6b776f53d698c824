import { Fragment } from 'react';

/** An e-mail address that wraps at its @ and dots rather than mid-word in a narrow column. */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?=[@.])/);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {p}
        </Fragment>
      ))}
    </>
  );
}
