// Drives a running Quiver through the typescript-fetch client that openapi-generator makes from
// openapi.yaml (the Maven build generates it into target/generated-clients/typescript-fetch).
// Only the generated API and models are used; what a user writes by hand is the base path and the
// token. ../run.sh starts the service and runs this; it exits 1 when any check fails.
import {
    CollectionsApi,
    Configuration,
    CreateCollectionRequestIdTypeEnum,
    EntitiesApi,
    IndexDescriptionIndexTypeEnum,
    ResponseError,
} from '../../target/generated-clients/typescript-fetch';

const ENDPOINT = process.env.QUIVER_ENDPOINT ?? 'http://127.0.0.1:19530';
const TOKEN = process.env.QUIVER_TOKEN ?? 'root:Milvus';

let failed = 0;
let passed = 0;

function check(name: string, ok: boolean, detail?: unknown): void {
    if (ok) {
        passed++;
    } else {
        failed++;
        console.log(`FAIL ${name}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
    }
}

function same(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

async function autoIdCollection(collections: CollectionsApi, entities: EntitiesApi): Promise<void> {
    const name = `ts_books_${Date.now()}`;
    const created = await collections.create({ createCollectionRequest: { collectionName: name, dimension: 3 } });
    check('create with only the required fields', created.code === 200, created);
    const listed = await collections.list({});
    check('list names the collection', listed.data?.includes(name) === true, listed);

    const described = await collections.describe({ collectionName: name });
    check('describe: fields', same(described.data?.fields?.map(field => field.name), ['id', 'vector']), described);
    check('describe: index', described.data?.indexes?.[0]?.indexType === IndexDescriptionIndexTypeEnum.Autoindex,
        described);

    // The rows must reach the service: an earlier spec made this client send "data":{}.
    const inserted = await entities.insert({
        insertRequest: {
            collectionName: name, data: [
                { vector: [1, 0, 0], color: 'red' },
                { vector: [0, 1, 0], color: 'blue' },
                { vector: [0, 0, 1], color: 'red' },
            ],
        },
    });
    check('insert counts three rows', inserted.code === 200 && inserted.data?.insertCount === 3, inserted);
    const ids = inserted.data?.insertIds ?? [];
    check('insert answers numeric ids', ids.length === 3 && ids.every(id => typeof id === 'number'), ids);

    const got = await entities.get({ getRequest: { collectionName: name, id: ids, outputFields: ['color'] } });
    check('get by the inserted ids', same(got.data?.map(row => row.color), ['red', 'blue', 'red']), got);

    // Accept-Type-Allow-Int64: false asks for Int64 values as strings; strings work as keys too.
    const asText = await entities.get({
        getRequest: { collectionName: name, id: ids.map(String), outputFields: ['id'] },
        acceptTypeAllowInt64: 'false',
    });
    check('Int64 ids as strings', same(asText.data?.map(row => row.id), ids.map(String)), asText);

    const queried = await entities.query({
        queryRequest: { collectionName: name, filter: 'color == "red"', outputFields: ['id'] },
    });
    check('query by filter', same(queried.data?.map(row => row.id).sort(), [ids[0], ids[2]].sort()), queried);

    const nearest = await entities.search({
        searchRequest: { collectionName: name, vector: [0, 0.9, 0.1], limit: 2, outputFields: ['color'] },
    });
    check('search: nearest first', same(nearest.data?.map(hit => hit.id), [ids[1], ids[2]]), nearest);
    check('search: distance', Math.abs((nearest.data?.[0]?.distance ?? -1) - 0.02) < 1e-6, nearest);
    check('search: output field', nearest.data?.[0]?.['color'] === 'blue', nearest);

    const filtered = await entities.search({
        searchRequest: { collectionName: name, vector: [0, 0.9, 0.1], limit: 5, filter: 'color == "red"' },
    });
    check('search with a filter', same(filtered.data?.map(hit => hit.id), [ids[2], ids[0]]), filtered);

    const deleted = await entities._delete({ deleteRequest: { collectionName: name, filter: 'color == "blue"' } });
    check('delete by filter', deleted.data?.deleteCount === 1 && same(deleted.data?.deleteIds, [ids[1]]), deleted);

    const dropped = await collections.drop({ dropCollectionRequest: { collectionName: name } });
    check('drop', dropped.code === 200, dropped);
    check('list no longer names it', !(await collections.list({})).data?.includes(name));
}

async function clientChosenIds(collections: CollectionsApi, entities: EntitiesApi): Promise<void> {
    const name = `ts_shelf_${Date.now()}`;
    const created = await collections.create({
        createCollectionRequest: {
            collectionName: name, dimension: 2, idType: CreateCollectionRequestIdTypeEnum.VarChar, maxLength: 16,
            autoId: false,
        },
    });
    check('create with VarChar ids', created.code === 200, created);

    const inserted = await entities.insert({
        insertRequest: { collectionName: name, data: [{ id: 'a', vector: [1, 0] }, { id: 'b', vector: [0, 1] }] },
    });
    check('insert client ids', same(inserted.data?.insertIds, ['a', 'b']), inserted);

    const upserted = await entities.upsert({
        insertRequest: { collectionName: name, data: [{ id: 'b', vector: [0.5, 0.5], note: 'moved' }] },
    });
    check('upsert', upserted.data?.upsertCount === 1 && same(upserted.data?.upsertIds, ['b']), upserted);

    const got = await entities.get({ getRequest: { collectionName: name, id: ['b'], outputFields: ['note'] } });
    check('get the upserted row', same(got.data?.map(row => row.note), ['moved']), got);

    const deleted = await entities._delete({ deleteRequest: { collectionName: name, id: ['a'] } });
    check('delete by id', same(deleted.data?.deleteIds, ['a']), deleted);

    const missing = await entities.query({ queryRequest: { collectionName: 'no_such_collection', filter: 'id > 0' } });
    check('an error is a typed answer with a code', missing.code === 100 && missing.data === undefined, missing);

    await collections.drop({ dropCollectionRequest: { collectionName: name } });
}

async function wrongToken(): Promise<void> {
    const stranger = new CollectionsApi(new Configuration({ basePath: ENDPOINT, accessToken: 'root:wrong' }));
    try {
        await stranger.list({});
        check('a wrong token is refused', false);
    } catch (error) {
        const status = error instanceof ResponseError ? error.response.status : undefined;
        const body = error instanceof ResponseError ? await error.response.json() : undefined;
        check('a wrong token is a 401 with code 1800', status === 401 && body?.code === 1800, { status, body });
    }
}

async function main(): Promise<void> {
    const configuration = new Configuration({ basePath: ENDPOINT, accessToken: TOKEN });
    const collections = new CollectionsApi(configuration);
    const entities = new EntitiesApi(configuration);
    await autoIdCollection(collections, entities);
    await clientChosenIds(collections, entities);
    await wrongToken();
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch(error => {
    console.log(`FAIL ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
});
