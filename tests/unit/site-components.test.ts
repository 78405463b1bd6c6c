// The site's build-time components rendered through Astro's container API.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import EngineSource from '../../components/course/EngineSource.astro';

describe('<EngineSource>', () => {
  it('renders the named declaration, highlighted, with its location', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(EngineSource, {
      props: { file: 'network.ts', name: 'Link.propagate', dir: 'tests/fixtures/engine' },
    });
    expect(html).toContain('<figure class="engine-source"');
    expect(html).toContain('tests/fixtures/engine/network.ts');
    expect(html).toMatch(/<pre[^>]*class="astro-code/);
    expect(html).toContain('--shiki-dark');
    expect(html).toContain('propagate');
    expect(html).toContain('Forward: what this link adds');
  });

  it('fails (and so fails the build) naming the file and the names that exist', async () => {
    const container = await AstroContainer.create();
    await expect(
      container.renderToString(EngineSource, { props: { file: 'network.ts', name: 'Link.nope', dir: 'tests/fixtures/engine' } }),
    ).rejects.toThrow(/<EngineSource name="Link\.nope">: no member "nope" in Link \(tests\/fixtures\/engine\/network\.ts\)\. Its members: weight, constructor, propagate/);
    await expect(
      container.renderToString(EngineSource, { props: { file: 'missing.ts', name: 'X', dir: 'tests/fixtures/engine' } }),
    ).rejects.toThrow(/cannot read tests\/fixtures\/engine\/missing\.ts/);
  });

  it('finds every declaration chapters quote in the real engine', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const uses = readdirSync('content/chapters')
      .flatMap((f) => [...readFileSync(`content/chapters/${f}`, 'utf8').matchAll(/<EngineSource\s+file="([^"]+)"\s+name="([^"]+)"/g)])
      .map((m) => ({ file: m[1], name: m[2] }));
    expect(uses.length).toBeGreaterThan(0);
    const container = await AstroContainer.create();
    for (const props of uses) {
      expect(await container.renderToString(EngineSource, { props })).toContain('engine-source');
    }
  });
});
