/** /downloads/reports-wide-<template>.csv — the wide table of one format, built from the reports collection by src/site/datasets/. */
import type { APIRoute, GetStaticPaths } from "astro";
import { serveDownload, templateIds } from "../../site/datasets/collection.ts";

export const getStaticPaths: GetStaticPaths = () => templateIds();

export const GET: APIRoute = ({ params }) => serveDownload(`reports-wide-${params.template}.csv`);
