import type { Fields } from '../moves.ts';

interface Props {
  defaults: Fields;
  edits: Fields;
  onEdit: (edits: Fields) => void;
}

/** Every parameter of the next request as a labelled text field; an emptied field leaves the parameter out. */
export function FieldList({ defaults, edits, onEdit }: Props) {
  const names = Object.keys(defaults);
  const edited = names.filter((name) => name in edits && edits[name] !== defaults[name]);
  return (
    <div class="playground__fields">
      {names.map((name) => {
        const id = `playground-field-${name}`;
        const value = edits[name] ?? defaults[name] ?? '';
        return (
          <div key={name} class="playground__field">
            <label for={id}>{name}</label>
            <input
              id={id}
              type="text"
              spellcheck={false}
              autoComplete="off"
              value={value}
              aria-describedby={edited.includes(name) ? `${id}-edited` : undefined}
              onInput={(e) => onEdit({ ...edits, [name]: e.currentTarget.value })}
            />
            {edited.includes(name) && (
              <span id={`${id}-edited`} class="playground__edited">
                edited (prefilled: {defaults[name] === '' ? 'empty' : defaults[name]})
              </span>
            )}
          </div>
        );
      })}
      {edited.length > 0 && (
        <button type="button" class="playground__button" onClick={() => onEdit({})}>
          Undo my edits
        </button>
      )}
    </div>
  );
}
