using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Products.Infrastructure;
using Shop.Products.Model;
using Shop.ServiceDefaults.Authentication;
using Shop.Http;

namespace Shop.Products.Apis;

/// <summary>`/product`: the catalogue (contract.md section 3). Reads are public; writes are for admins.</summary>
public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/product").WithTags("Products");
        api.MapGet(string.Empty, ListAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapPost(string.Empty, CreateAsync).RequireAuthorization(ShopTokens.AdminPolicy);
        api.MapPut("/{id}", UpdateAsync).RequireAuthorization(ShopTokens.AdminPolicy);
        api.MapDelete("/{id}", DeleteAsync).RequireAuthorization(ShopTokens.AdminPolicy);
        return app;
    }

    public static async Task<Results<Ok<PagedList<Product>>, ValidationProblem>> ListAsync(
        [AsParameters] ProductListQuery query, ProductRepository products, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var filter = query.Validate(errors);
        return filter is null ? errors.ToProblem() : TypedResults.Ok(await products.ListAsync(filter, cancellationToken));
    }

    public static async Task<IResult> GetAsync(string id, HttpContext context, ProductRepository products, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var productId = errors.Uuid(id, "id");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        if (await products.FindAsync(productId, cancellationToken) is not { } product)
        {
            return NotFound(productId);
        }

        context.Response.Headers.ETag = product.ETag;
        return IfNoneMatch.IsSatisfiedBy(context.Request, product.ETag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(product);
    }

    public static async Task<IResult> CreateAsync(ProductRequest request, HttpContext context, ProductRepository products, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var product = await products.CreateAsync(request, cancellationToken);
        context.Response.Headers.ETag = product.ETag;
        return TypedResults.Created($"/product/{product.Id}", product);
    }

    public static async Task<IResult> UpdateAsync(string id, ProductRequest request, HttpContext context, ProductRepository products, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var productId = errors.Uuid(id, "id");
        var ifMatch = ParseIfMatch(context.Request, errors);
        request.Validate(errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var result = await products.UpdateAsync(productId, request, current => ifMatch.IsSatisfiedBy(current.ETag), cancellationToken);
        return Answer(result, productId, context, TypedResults.Ok(result.Product));
    }

    public static async Task<IResult> DeleteAsync(string id, HttpContext context, ProductRepository products, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var productId = errors.Uuid(id, "id");
        var ifMatch = ParseIfMatch(context.Request, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var result = await products.DeleteAsync(productId, current => ifMatch.IsSatisfiedBy(current.ETag), cancellationToken);
        return Answer(result, productId, context, TypedResults.NoContent());
    }

    private static IfMatch ParseIfMatch(HttpRequest request, ValidationErrors errors)
    {
        if (!IfMatch.TryParse(request, out var ifMatch))
        {
            errors.Add("If-Match", "If-Match is `*` or a list of quoted entity tags.");
        }

        return ifMatch;
    }

    private static IResult Answer(WriteResult result, Guid productId, HttpContext context, IResult done)
    {
        if (result.Product is { } product)
        {
            context.Response.Headers.ETag = product.ETag;
        }

        return result.Status switch
        {
            WriteStatus.NotFound => NotFound(productId),
            WriteStatus.PreconditionFailed => TypedResults.Problem(
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "The product changed since you read it.",
                detail: "If-Match does not match the current ETag; read the product again and retry."),
            _ => done,
        };
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Product not found.", detail: $"There is no product {id}.");
}
