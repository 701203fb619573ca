// One Lambda execution environment: loads a bundle as the Node.js runtime does (its handler
// export, once, at cold start) and answers invocations posted to a loopback port, one at a time.

import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const [directory, handlerSpec] = process.argv.slice(2)
const [file, exportName] = handlerSpec.split('.')
const entry = ['.mjs', '.js', '.cjs'].map((ext) => join(directory, file + ext)).find((p) => existsSync(p))
const module = await import(pathToFileURL(entry).href)
const handler = module[exportName] ?? module.default?.[exportName]
if (typeof handler !== 'function') throw new Error(`${handlerSpec} is not a function in ${directory}`)

let queue = Promise.resolve()
let n = 0
const server = createServer((req, res) => {
  const chunks = []
  req.on('data', (c) => chunks.push(c))
  req.on('end', () => {
    queue = queue.then(async () => {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      const started = Date.now()
      const context = {
        functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
        functionVersion: '$LATEST',
        invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:000000000000:function:${process.env.AWS_LAMBDA_FUNCTION_NAME}`,
        memoryLimitInMB: '1024',
        awsRequestId: `req-${++n}`,
        logGroupName: `/aws/lambda/${process.env.AWS_LAMBDA_FUNCTION_NAME}`,
        logStreamName: 'stream',
        callbackWaitsForEmptyEventLoop: true,
        getRemainingTimeInMillis: () => Math.max(0, 29_000 - (Date.now() - started)),
      }
      let answer
      try {
        answer = { result: (await handler(event, context)) ?? null }
      } catch (error) {
        answer = { error: { name: error?.name, message: String(error?.message ?? error) } }
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(answer))
    })
  })
})
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`\nLAMBDA_RUNNER_PORT=${server.address().port}\n`)
})
