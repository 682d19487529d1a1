/** Who I am: my name and the other names the tools show for me ("me" never prompts). */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/model/records';
import { saver } from '@/entrypoints/options/autosave';
import { parseAliases, samePerson } from '@/entrypoints/options/sections/roster-text';

export function MeSection({ settings }: { settings: Settings }) {
  const [name, setName] = useState(settings.me.name);
  const [aliases, setAliases] = useState(settings.me.aliases.join('\n'));

  // A change made elsewhere (an import, "This is me" in the popup) shows here, unless I am typing.
  useEffect(() => {
    if (saver.isPending('me') || samePerson({ name, aliases: parseAliases(aliases) }, settings.me))
      return;
    setName(settings.me.name);
    setAliases(settings.me.aliases.join('\n'));
  }, [settings.me]);

  function change(next: { name: string; aliases: string }) {
    setName(next.name);
    setAliases(next.aliases);
    saver.schedule('me', (s) => ({
      ...s,
      me: { name: next.name.trim(), aliases: parseAliases(next.aliases) },
    }));
  }

  return (
    <section aria-labelledby="me-heading">
      <h2 id="me-heading">Who I am</h2>
      <label>
        <span>My name, as the tools show it</span>
        <input
          type="text"
          value={name}
          onInput={(e) => change({ name: e.currentTarget.value, aliases })}
          autocomplete="name"
        />
      </label>
      <label>
        <span>My aliases (optional): other names the tools show for me, one per line</span>
        <textarea
          rows={2}
          value={aliases}
          placeholder={'dana@acme.com\n557058:3f1c…  (Jira account id)\n@dana (GitHub handle)'}
          onInput={(e) => change({ name, aliases: e.currentTarget.value })}
        />
      </label>
    </section>
  );
}
