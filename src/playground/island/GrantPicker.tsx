import { GRANT_IDS, GRANTS, type GrantId } from '../grants.ts';

interface Props {
  value: GrantId;
  onChange: (grant: GrantId) => void;
}

/** The grant to run, as a radio group; choosing one starts its scenario over. */
export function GrantPicker({ value, onChange }: Props) {
  return (
    <fieldset class="playground__grants">
      <legend>Grant</legend>
      {GRANT_IDS.map((id) => (
        <label key={id} class="playground__grant">
          <input type="radio" name="playground-grant" checked={id === value} onChange={() => onChange(id)} />{' '}
          {GRANTS[id].title}
        </label>
      ))}
    </fieldset>
  );
}
